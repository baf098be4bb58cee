#!/usr/bin/env bash
# tests/input/correlatives.sh: a list item's headline and its summary keep a
# correlative pair whole ("як …, так і …", "sowohl … als auch …"): a cut
# between its halves, or right after a demonstrative that waits for its
# clause ("… так і ті, | для використання яких …"), left half a statement.
. "$(dirname "$0")/../lib.sh"
vg_scratch correlatives

cat >"$T/uk.md" <<'DOC'
# Інструкція

## Опис

Охоплення:

- Цей документ написаний для користувачів Linux. Все інше підходить для всіх UNIX.
- Ця інструкція включає в себе як стандартні Unix команди, так і ті, для використання яких потрібно встановлювати додаткові пакети, якщо користь від застосування команди виправдовує установку пакету.
- Ця бібліотека дозволяє легко обробляти як текстові файли великого розміру у різних кодуваннях та форматах, так і двійкові дані з мережевих джерел без додаткових залежностей.
DOC
"$VGRUN" scenes --json "$T/uk.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes uk.md"
check "uk: no headline ends on a demonstrative" hasnt "$T/out" 'так і ті"'
check "uk: no narration ends on a demonstrative" hasnt "$T/out" 'так і ті\.'
check "uk: no headline between the halves" hasnt "$T/out" 'у різних кодуваннях та форматах"'
check "uk: the pair is said whole" has "$T/out" 'форматах, так і двійкові дані'

cat >"$T/ru.md" <<'DOC'
# Инструкция

## Описание

Охват:

- Этот документ написан для пользователей Linux. Всё остальное подходит для всех UNIX.
- Инструмент позволяет быстро обрабатывать как текстовые файлы большого размера в разных кодировках и форматах, так и двоичные данные из сетевых источников без дополнительных зависимостей.
DOC
"$VGRUN" scenes --json "$T/ru.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes ru.md"
check "ru: no headline between the halves" hasnt "$T/out" 'в разных кодировках и форматах"'

# German and English: "sowohl … als auch", "not only …, but also"
cat >"$T/de.md" <<'DOC'
# Werkzeug

## Beschreibung

- Dieses Dokument richtet sich an alle Nutzer von Linux.
- Das Werkzeug verarbeitet sowohl große Textdateien in verschiedenen Kodierungen und Formaten als auch binäre Daten aus Netzwerkquellen ohne zusätzliche Abhängigkeiten.
DOC
"$VGRUN" scenes --json "$T/de.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes de.md"
check "de: no headline between the halves" hasnt "$T/out" 'sowohl große Textdateien in verschiedenen Kodierungen"'
cat >"$T/en.md" <<'DOC'
# Tool

## Scope

- This document is written for every user of Linux.
- The tool lets you process not only large text files in many different encodings and formats, but also binary data from network sources without extra dependencies.
DOC
"$VGRUN" scenes --json "$T/en.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes en.md"
check "en: no headline between the halves" hasnt "$T/out" 'process not only large text files"'
vg_done
