/* Test-only stand-in for Windows' system bcryptprimitives.dll, for Wine (packaging/windows/wine.sh).
   Windows 10+ has the real one; Wine 8.0 has none, and Rust programs (Typst's _typst.pyd) take their
   random numbers from its ProcessPrng. This one asks RtlGenRandom (advapi32), which Wine has.
   NEVER ship it: check.sh fails if an installed program holds a bcryptprimitives.dll. */
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size) {
  while (size > 0) {
    ULONG chunk = size > 0x10000000 ? 0x10000000 : (ULONG)size;
    if (!SystemFunction036(data, chunk)) return FALSE;
    data += chunk; size -= chunk;
  }
  return TRUE;
}
