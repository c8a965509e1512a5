"""The Windows version resource (file properties → Details) from ggbg_desktop.__version__."""

from __future__ import annotations

import re


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """"0.1.0" → (0, 1, 0, 0); pre-release suffixes ("1.2.0rc1") are dropped."""
    match = re.match(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?", version)
    if not match:
        raise ValueError(f"not a version: {version!r}")
    return tuple(int(n or 0) for n in match.groups())  # type: ignore[return-value]


def version_file_text(version: str, *, exe_name: str, description: str, product: str, company: str) -> str:
    """Text of a PyInstaller version file (a VSVersionInfo expression)."""
    v = version_tuple(version)
    dotted = ".".join(str(n) for n in v)
    fields = {
        "CompanyName": company,
        "FileDescription": description,
        "FileVersion": dotted,
        "InternalName": exe_name,
        "LegalCopyright": f"© {company}",
        "OriginalFilename": f"{exe_name}.exe",
        "ProductName": product,
        "ProductVersion": version,
    }
    strings = ",\n".join(f"          StringStruct({k!r}, {val!r})" for k, val in fields.items())
    # 080404B0: Chinese (PRC), Unicode code page 1200
    return f"""# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(filevers={v}, prodvers={v}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('080404B0', [
{strings}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [2052, 1200])])
  ]
)
"""
