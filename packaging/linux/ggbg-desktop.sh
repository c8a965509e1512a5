#!/bin/sh
# /usr/bin/ggbg-desktop: start 政府信息公开年报编辑器 installed under /opt/ggbg-desktop.
APPDIR=/opt/ggbg-desktop

# Chinese input: the bundled Qt carries the ibus input-method plugin but not fcitx's
# (a fcitx plugin must match the bundled Qt version exactly). fcitx5 also speaks the
# ibus protocol, so under fcitx5 the ibus plugin is used — unless IT has dropped a
# matching fcitx plugin into the bundle (see packaging/README.md).
case "${QT_IM_MODULE:-}" in
  fcitx*)
    have_fcitx_plugin=no
    for plugin in "$APPDIR"/_internal/PySide6/Qt/plugins/platforminputcontexts/*fcitx*; do
      [ -e "$plugin" ] && have_fcitx_plugin=yes
    done
    [ "$have_fcitx_plugin" = yes ] || export QT_IM_MODULE=ibus
    ;;
esac

exec "$APPDIR/ggbg-desktop" "$@"
