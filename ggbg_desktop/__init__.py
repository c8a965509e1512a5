"""ggbg_desktop — 政府信息公开工作年度报告编辑器."""

__version__ = "0.1.0"
APP_NAME = "政府信息公开年报编辑器"
