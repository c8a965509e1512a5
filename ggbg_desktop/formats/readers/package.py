"""Safe access to zip-based office files: sizes checked from the directory, XML parsed without entities."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from ...errors import ImportRefused
from ..files import zip_errors

# Limits far above any real report, far below what hurts: checked before anything is inflated.
MAX_MEMBERS = 5000
MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, for members above 1 MB

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                          dtd_validation=False, remove_comments=True, remove_pis=True)


class Package:
    """A zip archive whose directory has been checked; members are read with their sizes bounded."""

    def __init__(self, data: bytes, what: str, name: str):
        self.what = what  # "Word 文档", for messages
        self.name = name
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except zip_errors():
            raise ImportRefused(f"“{name}”已损坏或不完整，无法作为{what}打开") from None
        if len(infos) > MAX_MEMBERS:
            raise ImportRefused(f"“{name}”包含的部件过多，不像一份正常的{what}，未导入")
        total = 0
        for info in infos:
            total += info.file_size
            ratio = info.file_size / max(1, info.compress_size)
            if info.file_size > MAX_MEMBER_BYTES or (info.file_size > (1 << 20) and ratio > MAX_RATIO):
                raise ImportRefused(f"“{name}”解压后异常庞大（疑似压缩炸弹），未导入")
        if total > MAX_TOTAL_BYTES:
            raise ImportRefused(f"“{name}”解压后异常庞大（疑似压缩炸弹），未导入")
        self.names = {info.filename for info in infos}

    def has(self, member: str) -> bool:
        return member in self.names

    def read(self, member: str) -> bytes:
        try:
            with self.zip.open(member) as f:
                data = f.read(MAX_MEMBER_BYTES + 1)
        except zip_errors():
            raise ImportRefused(f"“{self.name}”已损坏（{member} 无法解压），无法作为{self.what}打开") from None
        except Exception as exc:  # zlib.error and friends from a damaged stream
            if type(exc).__module__ in ("zlib", "bz2", "lzma", "_lzma"):
                raise ImportRefused(f"“{self.name}”已损坏（{member} 无法解压），无法作为{self.what}打开") from None
            raise
        if len(data) > MAX_MEMBER_BYTES:
            raise ImportRefused(f"“{self.name}”解压后异常庞大，未导入")
        return data

    def xml(self, member: str):
        """Parse a member as XML; a DTD (never used by office files) is refused outright."""
        return parse_xml(self.read(member), f"“{self.name}”")

    def check_all_xml(self) -> None:
        """Refuse the package if any XML member declares a DTD or entities (used before handing the
        file to a library that parses it itself)."""
        for member in sorted(self.names):
            if member.endswith((".xml", ".rels", ".vml")):
                refuse_dtd(self.read(member), f"“{self.name}”")


def refuse_dtd(data: bytes, label: str) -> None:
    head = data[:4096].replace(b"\x00", b"")
    if b"<!DOCTYPE" in head or b"<!ENTITY" in data.replace(b"\x00", b""):
        raise ImportRefused(f"{label}含有文档类型定义（DTD/实体），这在办公文档中不应出现，出于安全原因未导入")


def parse_xml(data: bytes, label: str):
    refuse_dtd(data, label)
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError:
        raise ImportRefused(f"{label}内部的 XML 已损坏，无法读取") from None
