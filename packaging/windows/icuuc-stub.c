/* Test-only stand-in for Windows' system icuuc.dll, for Wine (packaging/windows/wine.sh).
   Windows 10 1703+ has the real one; Wine 8.0 has none. NEVER ship it: build.sh fails if a bundle holds an icuuc.dll. */
#include <stddef.h>
#include <stdint.h>
#define API __declspec(dllexport)
typedef int UErrorCode; typedef uint16_t UChar; typedef int8_t UBool;
typedef void (*UConverterCallback)(const void*, void*, const char*, int32_t, int32_t, int, UErrorCode*);
#define U_FILE_ACCESS_ERROR 4
#define U_UNSUPPORTED_ERROR 16
API void *ucnv_open(const char *name, UErrorCode *err) { if (err && *err <= 0) *err = U_FILE_ACCESS_ERROR; return NULL; }
API void ucnv_close(void *c) {}
API void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *a, void *b, const UChar *c, int32_t d, int32_t e, int f, UErrorCode *err) {}
API void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *a, void *b, const char *c, int32_t d, int f, UErrorCode *err) {}
API void ucnv_reset(void *c) {}
API int8_t ucnv_getMaxCharSize(const void *c) { return 4; }
API const char *ucnv_getName(const void *c, UErrorCode *err) { if (err && *err <= 0) *err = U_UNSUPPORTED_ERROR; return NULL; }
API void ucnv_getToUCallBack(const void *c, void **a, const void **b) { if (a) *a = NULL; if (b) *b = NULL; }
API void ucnv_getFromUCallBack(const void *c, void **a, const void **b) { if (a) *a = NULL; if (b) *b = NULL; }
API void ucnv_setToUCallBack(void *c, void *n, const void *nc, void **o, const void **oc, UErrorCode *err) { if (err && *err <= 0) *err = U_UNSUPPORTED_ERROR; }
API void ucnv_setFromUCallBack(void *c, void *n, const void *nc, void **o, const void **oc, UErrorCode *err) { if (err && *err <= 0) *err = U_UNSUPPORTED_ERROR; }
API void ucnv_cbToUWriteUChars(void *a, const UChar *s, int32_t l, int32_t o, UErrorCode *err) { if (err && *err <= 0) *err = U_UNSUPPORTED_ERROR; }
API void ucnv_toUnicode(void *c, UChar **t, const UChar *tl, const char **s, const char *sl, int32_t *o, UBool f, UErrorCode *err) { if (err && *err <= 0) *err = U_UNSUPPORTED_ERROR; }
API void ucnv_cbFromUWriteUChars(void *a, const UChar **s, const UChar *sl, int32_t o, UErrorCode *err) { if (err && *err <= 0) *err = U_UNSUPPORTED_ERROR; }
API int32_t ucnv_toUCountPending(const void *c, UErrorCode *err) { return 0; }
API int32_t ucnv_fromUCountPending(const void *c, UErrorCode *err) { return 0; }
API const char *ucnv_getStandardName(const char *n, const char *s, UErrorCode *err) { return NULL; }
API const char *ucnv_getAvailableName(int32_t n) { return NULL; }
API int32_t ucnv_countAvailable(void) { return 0; }
API void ucnv_fromUnicode(void *c, char **t, const char *tl, const UChar **s, const UChar *sl, int32_t *o, UBool f, UErrorCode *err) { if (err && *err <= 0) *err = U_UNSUPPORTED_ERROR; }
