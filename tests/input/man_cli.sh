#!/usr/bin/env bash
# tests/input/man_cli.sh: manual pages in roff source (man(7) and mdoc(7)),
# plain and gzip-compressed, laid out by mandoc in a confined child and read
# as a man page printed as text; pages that are not one, that only point to
# another, or that loop end with a clear error, quickly.
. "$(dirname "$0")/../lib.sh"
vg_scratch man
M=$SRC/tests/input/man

# gzip: a compressed document is read as the text it holds (no mandoc needed)
gzip -c "$SRC/tests/input/data/plain.txt" >"$T/NEWS.gz"
"$VGRUN" scenes "document:$T/NEWS.gz" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "document:NEWS.gz"
check "NEWS.gz: its text read" has "$T/out" '^   1  title .*Gadget Toolkit'
# a small file that inflates past the size limit stops at the limit
head -c 80000000 /dev/zero | tr '\0' 'a' | gzip -c >"$T/big.txt.gz"
"$VGRUN" scenes "$T/big.txt.gz" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 1 "gzip bomb"
check "gzip bomb: names the limit" has "$T/err" 'cannot uncompress: more than .* bytes once uncompressed'
printf 'not gzip at all' | gzip -c | head -c 12 >"$T/cut.txt.gz"
"$VGRUN" scenes "$T/cut.txt.gz" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 1 "gzip cut short"
check "gzip cut short: says so" has "$T/err" 'cannot uncompress: cut short'
if ! command -v mandoc >/dev/null; then
  # without mandoc a roff page is refused, naming what to install
  "$VGRUN" scenes "$M/gearbox.1" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 1 "no mandoc"
  check "names mandoc" has "$T/err" "mandoc, which is not installed"
  echo "mandoc not installed (scripts/deps.sh installs it): pages not laid out" >&2
  vg_done
fi

cp "$M/gearbox.1" "$T/"; gzip -c "$M/gearbox.1" >"$T/gearbox.1.gz"
cp "$M/pulley.1" "$T/PULLEY"
for spec in "$T/gearbox.1" "$T/gearbox.1.gz"; do
  "$VGRUN" scenes --json --detail full "$spec" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes $spec"
  check "$spec: title from NAME" has "$T/out" '"title": *"gearbox — turn axles at a chosen ratio"'
  check "$spec: description said" has "$T/out" 'Springs store the energy between turns'
  check "$spec: options as items" has "$T/out" '"-r, --ratio=N"'
  check "$spec: a macro of the page's own" has "$T/out" '"--brake"'
  check "$spec: no roff said" hasnt "$T/out" '\\\\f[BIR]\|\.TP\|\.TH'
  check "$spec: synopsis not said" hasnt "$T/out" 'OPTION\]'
done
# a translated page (manpages-de): its sections have German names
"$VGRUN" scenes --json "$M/zahnrad.1" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes zahnrad.1"
check "German page: title from BEZEICHNUNG" has "$T/out" '"title": *"zahnrad — dreht Achsen mit einer gewählten Übersetzung"'
check "German page: in German" has "$T/out" '"language": *"de"'
check "German page: synopsis not said" hasnt "$T/out" 'ACHSE\]'
check "German page: translators' credits not said in a summary" hasnt "$T/out" 'Mustermann'
check "German page: no section name as a title" hasnt "$T/out" '"title": *"BEZEICHNUNG"'
check "German page: an option named in German" has "$T/out" 'Option ratio'
check "German page: no English option phrase" hasnt "$T/out" 'the [a-z]* option\|these options'
check "German page: options left out counted in German" has "$T/out" '3 weitere Optionen'
# a Slovenian page outside a translated manual's folder whose paragraphs
# are mostly still English: its translated headings tell its language
cp "$M/zaganjalnik.8" "$T/zaganjalnik.8"
"$VGRUN" scenes --json "$T/zaganjalnik.8" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes zaganjalnik.8"
check "Slovenian page by its headings: in Slovenian" has "$T/out" '"language": *"sl"'
check "Slovenian page by its headings: its voice" has "$T/out" '"voice": *"sl"'
check "Slovenian page by its headings: no English welcome" hasnt "$T/out" 'Welcome to'
# an English page keeps English
cp "$M/gearbox.1" "$T/gearbox2.1"
"$VGRUN" scenes --json "$T/gearbox2.1" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes gearbox2.1"
check "English page by its headings: in English" has "$T/out" '"language": *"en"'
# a build placeholder a translation left unfilled ("%мандб%", man-db's
# Serbian pages) is said as its name; "%PATH%" and "%s%d" are not one
cat >"$T/kesh.8" <<'PAGE'
.TH KESH 8 2026-12-05 Test
.SH НАЗИВ
кеш \- ствара оставе пописа странице упутства
.SH ОПИС
\fB%мандб%\fP се користи да покрене или да ручно освежи оставе индекса базе података.
.PP
Датотека %ман%у чува путању %PATH% и облик %s%d за сваки запис у бази података.
PAGE
"$VGRUN" scenes --json --detail full "$T/kesh.8" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes kesh.8"
check "placeholder: said as its name" has "$T/out" 'мандб се користи'
check "placeholder: an inflected one too" has "$T/out" 'ману чува'
check "placeholder: no percent marks around a name" hasnt "$T/out" '%мандб%\|%ман%'
check "placeholder: %PATH% kept" has "$T/out" '%PATH%'
# an old Chinese page (zh_TW passwd(5)): a heading in English and Chinese
# ("NAME 名稱"), a character after a stray backslash ("許\多"), a path said
# in traditional characters, a long heading of the translators' credits
cat >"$T/mima.5" <<'PAGE'
.TH MIMA 5 "January 5, 1998" "" "File formats"
.SH NAME 名稱
mima \- 密碼檔案
.SH 描述
.B Mima
是個純文字檔，它包含了一個系統帳戶列表。許\多命令用它做使用者名稱的映射。
.SH 相關檔案
.I /etc/mima
.SH "《中國linux論壇man手冊頁翻譯計劃》:"
.BI http://cmpp.example.net
PAGE
"$VGRUN" scenes --json --detail full "$T/mima.5" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes mima.5"
check "bilingual heading: the title is the NAME line" has "$T/out" '"title": *"mima — 密碼檔案"'
check "bilingual heading: no English heading in it" hasnt "$T/out" 'NAME 名稱'
check "escaped character: read as itself" has "$T/out" '許多命令'
check "escaped character: no escape left" hasnt "$T/out" 'u591A'
check "traditional Chinese: a path in its own words" hasnt "$T/out" '屏幕上的'
# a Polish page with a long section name in capitals that are not ASCII
# ("OPIS PÓL DLA TRYBU PŁYT") is still a page
cat >"$T/statystyki.8" <<'EOF2'
.TH STATYSTYKI 8 "2024" "procps" "Administracja systemem"
.SH NAZWA
statystyki \- statystyki pamięci wirtualnej
.SH SKŁADNIA
.B statystyki
[\fIopcje\fR]
.SH OPIS
.B statystyki
raportuje informacje o aktywności procesów, pamięci i procesora.
.SH OPCJE
.TP
.B \-a
Wyświetlenie pamięci aktywnej i nieaktywnej.
.SH "OPIS PÓL DLA TRYBU PARTYCJI DYSKU"
Pola opisują partycje dysku i ich odczyty.
EOF2
"$VGRUN" scenes --json "$T/statystyki.8" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes statystyki.8"
check "Polish page: title from NAZWA" has "$T/out" '"title": *"statystyki — statystyki pamięci wirtualnej"'
check "Polish page: in Polish, its voice" has "$T/out" '"voice": *"pl"'
# mdoc(7), named with document: (no extension): its content says what it is
"$VGRUN" scenes --json --detail full "document:$T/PULLEY" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes mdoc"
check "mdoc: title from Nm and Nd" has "$T/out" '"title": *"pulley — lift loads with ropes and wheels"'
check "mdoc: description said" has "$T/out" 'Each wheel halves the force the rope needs'
check "mdoc: tagged list as items" has "$T/out" '"-w weight"'
check "mdoc: no macros said" hasnt "$T/out" '\.Nm\|\.Sh\|Fl '

# roff's minus and hyphen (mandoc writes U+2212, U+2010) are the '-' typed:
# an option on screen and in speech is "--show-all", said "the show-all option"
printf '.TH DASH 1\n.SH NAME\ndash \\- show dashes\n.SH DESCRIPTION\nDash reads each file and shows it. Run it with \\(mi\\(mishow\\(hyall to see every entry.\n.SH OPTIONS\n.TP\n\\(mi\\(mishow\\(hyall\nshow every entry\n.TP\n\\(mik\nkeep going\n' >"$T/dash.1"
"$VGRUN" scenes --json --detail full "$T/dash.1" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes dash.1"
check "dashes: none as U+2212 or U+2010" hasnt "$T/out" $'\xE2\x88\x92\|\xE2\x80\x90'
check "dashes: the option shown as typed" has "$T/out" '"bullets": *\["--show-all", *"-k"\]'
check "dashes: said as typed" has "$T/out" 'Run it with --show-all to see'
check "dashes: the option named" has "$T/out" 'the show-all option'

# what mandoc cannot lay out is a warning at the page's own line (mandoc's
# "<stdin>:7:2"), never at a line of the text it wrote
printf '.TH X 1\n.SH NAME\nx \\- y\n.SH DESCRIPTION\nSome text here and more.\n.PP\n.unknownmacro\n.RS\n' >"$T/bad.1"
"$VGRUN" check "$T/bad.1" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "check bad.1"
check "mandoc's complaint at the page's line" has "$T/err" 'bad\.1:7:2: warning: mandoc: skipping unknown macro: \.unknownmacro'
check "no line past the page's end" hasnt "$T/err" 'bad\.1:\(9\|[1-9][0-9]\):'

# a .so page points to another: named, not followed
printf '.so man1/gearbox.1\n' >"$T/gear.1"
"$VGRUN" scenes "$T/gear.1" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 1 ".so page"
check ".so: says where it points" has "$T/err" 'only points to another (.so man1/gearbox.1)'
# an absolute .so inside a page reads nothing: mandoc refuses it
printf '.TH X 1\n.SH NAME\nx \\- y\n.SH DESCRIPTION\nBefore.\n.so /etc/hostname\nAfter.\n' >"$T/abs.1"
"$VGRUN" scenes --json --detail full "$T/abs.1" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 ".so absolute"
check ".so absolute: not read" hasnt "$T/out" "$(head -c 20 /etc/hostname 2>/dev/null || echo no-such-text)"
# a file named like a page that is not one
printf 'Just some notes.\n' >"$T/notes.1"
"$VGRUN" scenes "$T/notes.1" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 1 "not a page"
check "not a page: says so" has "$T/err" 'not a man page in roff source'
# an option written in several forms, one a line, is one item; commands in
# displays are shown as code, never read out as "winch these options"
"$VGRUN" scenes --json --detail full "$M/winch.1" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "winch.1"
check "winch: the forms are one item" has "$T/out" '"-R \[bind_address:\]port:host:hostport, -R remote_socket:local_socket"'
check "winch: one option said once" has "$T/out" 'the q option and the R option\.'
check "winch: a display is code" has "$T/out" '"language": *"sh", *"lines": *2'
check "winch: no command read out" hasnt "$T/out" 'these options'
check "winch: the prompt not said" hasnt "$T/out" '[#$] winch'
# a short display inside a sentence is joined back into its paragraph; a
# TeX control word in prose is said, not taken for a path ("say } instead")
"$VGRUN" scenes --json --detail full "$M/crank.1" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "crank.1"
check "crank: display in its sentence" has "$T/out" '"For example turn 2i means turn the handle 2 inches'
check "crank: TeX words said" has "$T/out" '"narration": *"[^"]*say \\\\gpicbox.graph. instead of \\\\box'
# a tag as wide as its column, one space before its description ("--help
# display this help and exit" in cp.1), is an item of the run, not prose
"$VGRUN" scenes --json "$M/crank.1" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "crank.1 summary"
check "crank: a full-width tag is an item" has "$T/out" '"bullets": *\["-a", *"--help", *"--version"\]'
# page NAME ROFF: writes the page (printf's escapes) and reads its summary into $T/out
page() { printf "$2" >"$T/$1"; "$VGRUN" scenes --json "$T/$1" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "$1"; }
# a tag that only numbers its paragraph ("1.", "2." in a BUGS section) is a
# numbered list: the items are the texts, never "1." as a term beside them
page steps.1 '.TH X 1 "March 2024" "x 1.0" "User Commands"\n.SH NAME\nx \\- turn the axle\n.SH BUGS\nFollow these steps before you write.\n.IP "1." 4\nCheck that the fault is real and not a setting of yours. If the axle stops, it is a fault. If it turns the wrong way, read the page again.\n.IP "2." 4\nRepeat it in a case as small as you can make it. Keep the output of each run.\n'
check "numbered tags: the text is the item" has "$T/out" '"Check that the fault is real and not a setting of yours'
check "numbered tags: no number as a term" hasnt "$T/out" '"1\."'
# an option too wide for its column, a blank line before its description,
# and one that fills its column, its description going on under it (curl.1's
# "--connect-to <HOST1:PORT1:HOST2:PORT2>", "--crlf (FTP) Convert …"), stay
# items of the run: the run is one slide, not a paragraph that ends it
page wide.1 '.TH X 1 "March 2024" "x 1.0" "User Commands"\n.SH NAME\nx \\- move the data\n.SH OPTIONS\n.IP "\\-\\-alpha <value>"\nTurn the alpha mode on for every run of the tool.\n.IP "\\-\\-connect-to <HOST1:PORT1:HOST2:PORT2>"\n\nConnect to the second pair instead of the first one.\n.IP "\\-\\-crlf"\n(FTP) Convert LF to CRLF in upload. Useful for old systems that need it for the whole file.\n\nGiven twice, it has no extra effect.\n.IP "\\-\\-beta"\nTurn the beta mode on for the next run.\n'
check "wide tags: one run of four" has "$T/out" '"bullets": *\["--alpha <value>", *"--connect-to HOST1:PORT1:HOST2:PORT2", *"--crlf", *"--beta"\]'
check "wide tags: the placeholder not said" hasnt "$T/out" 'option HOST1'
# a tag that only marks its paragraph ("•", \(bu) is a bulleted item: its
# column counted in characters, never the bullet said or shown as a term
page bullets.1 '.TH X 1 "March 2024" "x 1.0" "User Commands"\n.SH NAME\nx \\- keep the state\n.SH DESCRIPTION\nThe tool keeps a state between runs and reads it back at the start of the next one.\n.SS Environment\nThe tool has a state, which consists of the following:\n.IP \\(bu\nopen files inherited by the tool at its start, as changed by the redirections given to it\n.IP \\(bu\nthe current working directory as set by cd, or inherited by the tool at its start\n.IP \\(bu\nthe traps set by trap\n.SH OPTIONS\n.TP\n.B \\-a\nturn all axles at once.\n'
check "bullet tags: no bullet said or shown" hasnt "$T/out" '•'
check "bullet tags: the items" has "$T/out" '"open files inherited by the tool at its start'
# a tag's first form just narrower than a narrow column ("-c," at .TP 4)
# is no column-filling tag: "-c, --cache-file cachefile" stays whole
page narrow.8 '.TH X 8 "March 2024" "x 1.0" "System Commands"\n.SH NAME\nx \\- find the devices\n.SH OPTIONS\n.TP 4\n\\fB\\-c\\fR, \\fB\\-\\-cache\\-file\\fR \\fIcachefile\\fR\nRead from cachefile instead of reading from the default cache file of the tool.\n.TP 4\n\\fB\\-d\\fR, \\fB\\-\\-no\\-encoding\\fR\nDo not encode the values that hold bytes which cannot be printed.\n'
check "narrow tags: whole" has "$T/out" '"bullets": *\["-c, --cache-file cachefile", *"-d, --no-encoding"\]'
# exit codes under one sentence are said with what each means, never as
# numbers alone ("the exit codes are: 0, 1, and 2")
page codes.1 '.TH X 1 "March 2024" "x 1.0" "User Commands"\n.SH NAME\nx \\- turn the axle\n.SH DESCRIPTION\nThe tool turns the axle at the ratio given to it.\n.SH "EXIT STATUS"\nThe tool may return one of several codes if it meets a fault.\n.IP 0\nNo problems occurred.\n.IP 1\nGeneric error code.\n.IP 2\nParse error---for instance, when parsing the options.\n.IP 3\nThe axle is stuck.\n'
check "exit codes: each with its meaning" has "$T/out" '0 — no problems occurred; 1 — generic error code; 2 — parse error'
check "exit codes: not bare numbers" hasnt "$T/out" '"narration": *"[^"]*0, 1, and 2'
# an option's forms on lines of their own, a blank line between (find.1's
# "-execdir command ;" and "-execdir command {} +"): one term, named by the
# option without its placeholder or the find syntax
page forms.1 '.TH X 1 "March 2024" "x 1.0" "User Commands"\n.SH NAME\nx \\- find the axles\n.SH DESCRIPTION\nThe tool finds the axles that match and acts on each of them.\n.SH ACTIONS\n.IP "\\-spin command ;"\n.IP "\\-spin command {} +"\nLike \\-turn, but the command is run from the axle of the match.\n.IP "\\-stop file"\nTrue; stop the axle and write its state to file.\n'
check "forms: one term" has "$T/out" '"-spin command ;, -spin command {} +"'
check "forms: the option named alone" has "$T/out" 'the spin option'
check "forms: no placeholder or syntax said" hasnt "$T/out" 'option command\|spin option command\|option;'
# a DocBook page: long section names in capitals with a comma ("SCHEDULE
# PACKAGES FOR INSTALL, REMOVE AND PURGE") are still a man page's sections,
# and a link's note number ("bug page[1]") is not said
page docbook.8 '\x27\\" t\n.TH "X\\-MARK" "8" "11\\ \\&December\\ \\&2018" "X 2.6.1" "X"\n.ie \\n(.g .ds Aq \\(aq\n.el       .ds Aq \x27\n.nh\n.ad l\n.SH "NAME"\nx-mark \\- show and set the marks of a package\n.SH "SYNOPSIS"\n.HP \\w\x27\\fBx-mark\\fR\\ \x27u\n\\fBx-mark\\fR {hold | unhold}\n.SH "DESCRIPTION"\n.PP\nx-mark sets the marks of a package that other tools respect.\n.SH "SCHEDULE PACKAGES FOR INSTALL, REMOVE AND PURGE"\n.PP\nSome tools can be used to apply the changes to the state of the packages.\n.SH "BUGS"\n.PP\nThe X bug page\\&\\s-2\\u[1]\\d\\s+2 lists the known faults of the tool.\n'
check "DocBook page: read as a man page" has "$T/out" '"title": *"x-mark — show and set the marks of a package"'
check "DocBook page: its long section" has "$T/out" 'Schedule packages for install, remove and purge'
check "DocBook page: no synopsis" hasnt "$T/out" 'unhold'
check "DocBook page: no note number said" has "$T/out" 'The X bug page lists the known faults of the tool.'
check "DocBook page: no note number joined" hasnt "$T/out" 'bug page1'
# tbl tables (.TS/.TE) are tables: header row, every column, spans and
# T{ } blocks; the same columns twice side by side are one table
"$VGRUN" scenes --model "$M/sprocket.7" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes sprocket.7"
check "tbl: four table scenes" [ "$(grep -o '"scene_type":.*"table"' "$T/out" | wc -l)" -eq 4 ]
check "tbl: two header rows over a rule of the format are one" has "$T/out" '"columns":.*\["Chain", "Pitch metric", "Pitch imperial"\]' 
check "tbl: a table's columns" has "$T/out" '"columns":.*\["Teeth", "Pitch", "Code", "Use"\]'
check "tbl: a spanned cell's row keeps its columns" has "$T/out" '\["Roller chain, single strand", "", "light loads"\]'
check "tbl: a backslash kept" has "$T/out" '"toy \\\\ axle"' 
check "tbl: header under a rule" has "$T/out" 'The table shows Teeth, Pitch, Code, and Use'
check "tbl: side by side halves as one table's rows" has "$T/out" '"S20"'
check "tbl: the halves' header not a row" hasnt "$T/out" '"Teeth", *"Pitch", *"Code", *"Use", *"Teeth"'
check "tbl: a cell's pipe and backslash kept" has "$T/out" '"fan | pump"'
check "tbl: header from a bold format row" has "$T/out" 'The table shows Chain, Width, and Where'
check "tbl: a spanned cell in its first column" has "$T/out" 'Roller chain, single strand: light loads'
check "tbl: a T{ } block joined" has "$T/out" 'an inverted-tooth chain that runs quietly'
check "tbl: header set in bold" has "$T/out" 'The table shows GRADE and STEEL'
check "tbl: no box drawn" hasnt "$T/out" '│\|┌\|─'
check "tbl: no mark left" hasnt "$T/out" $'\xEE\x80\x80\|\xEE\x80\x81'
# a tbl table of 20 columns is a table in groups of columns, every column
# on a slide beside the first (it was a code slide past 12 columns)
"$VGRUN" scenes --model "$M/cogs.5" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes cogs.5"
check "wide tbl: table scenes, no code" [ "$(grep -c '"scene_type":[[:space:]]*"table"' "$T/out")" -ge 2 ]
check "wide tbl: no code slide" hasnt "$T/out" '"scene_type":[[:space:]]*"\(code\|command\)"'
for col in m0.5 m3 m4 m16 m40; do check "wide tbl: column $col shown" has "$T/out" "\"$col\""; done
check "wide tbl: each group keeps its key" [ "$(grep -o '"columns":[[:space:]]*\[[[:space:]]*"Teeth"' "$T/out" | wc -l)" -ge 2 ]
# a tbl table inside an option's description: never its rows as the item's
# words ("| --- |"); with every sentence, a table scene, the description's
# sentence after it said, the options after it kept
"$VGRUN" scenes --model "$M/spindle.1" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes spindle.1"
check "tbl in an item: no pipe in its text" hasnt "$T/out" '| ---\|| Name\|slow | 120'
check "tbl in an item: the options after it" has "$T/out" '"-c, --count"'
"$VGRUN" scenes --model --detail full "$M/spindle.1" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes full spindle.1"
check "tbl in an item, full: no pipe in its text" hasnt "$T/out" '| ---\|| Name\|slow | 120'
check "tbl in an item, full: a table" has "$T/out" '"columns":.*\["Name", "Turns", "Use"\]'
check "tbl in an item, full: the sentence after it" has "$T/out" 'choose a slower speed than the table suggests'
check "tbl in an item, full: the options after it" has "$T/out" '"-c, --count"'
# a subsection heading that mandoc wrapped at its width is one heading: its
# last words are not read as the body's first ("… in the" / "list of
# engaged pawls A pawl fitted …")
"$VGRUN" scenes --json --detail full "$M/ratchet.1" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes ratchet.1"
check "wrapped subsection heading kept whole" has "$T/out" 'reported in the list of engaged pawls'
check "wrapped heading not run into its body" hasnt "$T/out" 'pawls A pawl\|pawls Spring'
# numbered items further in (".RS", ".IP 11."), their text hanging under
# it: each item whole, never a heading over its last words, never the
# description of the sentence over them
"$VGRUN" scenes --json --detail full "$M/tally.1" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes tally.1"
check "numbered item: its wrapped text kept" has "$T/out" 'stores both the opening balance and the closing balance'
check "numbered item: a short one kept" has "$T/out" 'that tally needed to read this ledger'
check "numbered item: no heading of its first line" hasnt "$T/out" '"header": *"11\.\|"header": *"2\. The amount'
check "a sentence over items is no term" hasnt "$T/out" '"title": *"The columns of the summary line are"'
# a display (".nf") of terms before dashes, their text going on further in:
# a list of the terms, no line of it a paragraph of its own or run into
# the next ("… feeds the tank LEVEL - …")
"$VGRUN" scenes --json --detail full "$M/gauge.1" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes gauge.1"
check "dash terms: a list of the terms" has "$T/out" '"%FULL", *"INLET", *"LEVEL", *"SPILL", *"VENT"'
check "dash terms: lines not run together" hasnt "$T/out" 'feeds the tank LEVEL'
check "dash terms: no line said alone" hasnt "$T/out" 'former quadrant 3 volumes if modified\.'
# a table of contents in a display (top.1's "1. COMMAND-LINE Options" over
# "a. UPTIME and LOAD Averages"): its entries name later headings, so it is
# an agenda of its top-level topics, never read as run-on prose
"$VGRUN" scenes --json "$M/turbine.1" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes turbine.1"
check "contents: an agenda" has "$T/out" '"bullets": *\["OVERVIEW", *"COMMAND-LINE Options", *"BLADE Display", *"WIND Display"'
check "contents: said as topics" has "$T/out" '"narration": *"[0-9]* topics[:,][a-z ]* OVERVIEW, COMMAND-LINE Options'
check "contents: never run on" hasnt "$T/out" 'Table of Contents OVERVIEW\|Reading the view 1\.'
# a tag that fills its column, one space before its text ("steady This
# line type …", xz.1's list mode): the item's term, its text the description
"$VGRUN" scenes --json --detail full "$M/turbine.1" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes turbine.1 full"
check "filled tag: a term" has "$T/out" '"bullets": *\["gusty", *"calm", *"steady", *"stormy", *"séchée"\]'
# (its column counts characters, not bytes: "Про" is six bytes, no tag)
check "filled tag: by characters" hasnt "$T/out" '"Про"'
check "filled tag: not run into its text" hasnt "$T/out" 'steady This line\|stormy This line'
# a file's page is named by the file: its path shown, its name said
"$VGRUN" scenes --json "$M/spool.5" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes spool.5"
check "file's page: the path in the title" has "$T/out" '"title": *"/etc/spool.conf — settings for spool(8)"'
check "file's page: its name said" has "$T/out" 'Welcome to spool.conf — settings for'
# an option's placeholder on its line stays in its tag ("--home <DIR>")
check "placeholder kept in the tag" has "$T/out" '"--home <DIR>"'
check "placeholder not said as the description" hasnt "$T/out" 'DIR Start'
check "option named alike in narration" has "$T/out" 'the home option — Start every job in this folder'
# bombs: endless recursion and an endless loop end quickly with an error or a plan
printf '.TH X 1\n.de a\n.a\n..\n.a\n' >"$T/deep.1"
printf '.TH X 1\n.nr a 1\n.while 1 .nr a +1\ntext\n' >"$T/loop.1"
for f in deep loop; do
  start=$(date +%s)
  timeout 60 "$VGRUN" scenes "$T/$f.1" >"$T/out" 2>"$T/err"; rc=$?
  took=$(( $(date +%s) - start ))
  [ "$rc" -eq 0 ] || [ "$rc" -eq 1 ] && ok || bad "$f: exit $rc"
  [ "$took" -le 8 ] && ok || bad "$f: took $took s"
done
check "loop: says why" has "$T/err" 'took too long'
# a lead-in of a few words between two samples ("becomes") goes with the
# sample it introduces: a summary that leaves the sample out leaves it out
"$VGRUN" scenes "$M/arbor.1" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "arbor.1"
check "arbor.1: its first sample's lead said" has "$T/out" 'repetition count'
check "arbor.1: no lead-in alone" hasnt "$T/out" 'becomes'
"$VGRUN" scenes --detail full "$M/arbor.1" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "arbor.1 full"
check "arbor.1 in full: the lead-in said with its sample" has "$T/out" 'becomes'

# a Greek page (manpages-el): its capitals folded with the final sigma and
# their tonos ("ΕΠΙΛΟΓΕΣ" is "Επιλογες", "ΚΑΤΆΣΤΑΣΗ ΕΞΌΔΟΥ" "Κατάσταση
# εξόδου"); "ΣΦΑΙΡΙΚΗ ΕΙΚΟΝΑ" is its synopsis, never a slide
"$VGRUN" scenes "$M/trochos.1" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes trochos.1"
check "Greek page: final sigma" has "$T/out" 'Επιλογες \['
check "Greek page: no medial sigma at a word's end" hasnt "$T/out" 'σ \[\|σ$'
check "Greek page: tonos kept in lower case" has "$T/out" 'Κατάσταση εξόδου'
check "Greek page: synopsis not said" hasnt "$T/out" 'Σφαιρικη\|ΤΡΟΧΟΣ'
# an .IP tag of an option and its argument that fills its column, its text
# after one space ("-g gid 新規…" in Japanese groupadd.8): the tag is the
# term, the text its description
"$VGRUN" scenes --detail full --json "$M/haguruma.8" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes haguruma.8"
check "IP tag with its text on its line: the tag alone" has "$T/out" '"-g gid"'
check "IP tag with its text on its line: no text in the tag" hasnt "$T/out" '"-g gid 新規'
# ... and a Japanese sentence in its EXAMPLES, options quoted in it, is
# prose: never an sh command
"$VGRUN" scenes "$M/haguruma.8" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes haguruma.8 (summary)"
check "Japanese sentence over a command: no list of sentences and commands" hasnt "$T/out" '^ *[0-9]*  list .*例 \|• %'
# ... its commands at a C shell prompt ("% xxd -s 0x30 file") are code
# under the sentence that says what they do
check "prompt '% ': the command shown as sh" has "$T/out" '^ *[0-9]*  command .*例 \[1 line sh\]'
check "prompt '% ': the sentence said over it" has "$T/out" '» 歯車の最初の三行を出力する。$'
"$VGRUN" scenes --detail full "$M/haguruma.8" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes --detail full haguruma.8 (examples)"
check "prompt '% ': every example a command" has "$T/out" '» 一文字の .*作成する。'
check "a quoted option in a sentence: never a code slide of its own" hasnt "$T/out" '例 \[1 line shell\]'
# ... and its FILES, each path on a line of its own (.br), one item each
check "FILES: a path per item" has "$T/out" 'ファイル \[2 items\]'
check "FILES: the second path its own item" has "$T/out" '• /etc/gshadow$'
check "Japanese sentence over a command: said" has "$T/out" '一文字の'
# a "% " prompt in a Markdown code block is a command, as "$ " is
printf '# Build\n\nBuild and install it with these steps, in the source folder of the project.\n\n```\n%% ./configure\n%% make\n%% make install\n```\n' >"$T/pct.md"
"$VGRUN" scenes --json "$T/pct.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes pct.md"
check "Markdown '% ' prompt: commands" has "$T/out" '"language": *"shell"'
# ... and a Japanese sentence that goes on after a display with "の": the
# particle is not said alone
"$VGRUN" scenes --detail full "$M/haguruma.8" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes --detail full haguruma.8"
check "Japanese: no particle alone at a sentence's start" hasnt "$T/out" ' の後に指定した数値が歯車の番号になる'
check "Japanese: the sentence said" has "$T/out" '後に指定した数値が歯車の番号になる'
# a Korean sentence that goes on after a display ("init-+-getty" / "를
# 다음처럼 나타냅니다" in pstree.1): its particle is not said alone
"$VGRUN" scenes --detail full "$M/namu.1" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes namu.1"
check "Korean: no particle alone at a sentence's start" hasnt "$T/out" '» 를 '
check "Korean: the sentence said" has "$T/out" '» 다음처럼 나타냅니다'
# a paragraph that ends on its predicate without a stop ends its sentence
# with one, never runs into the next
check "Korean: an unstopped paragraph gets its stop" has "$T/out" '» 다음처럼 나타냅니다\. 프로세스의'
# with every sentence wanted, options under prose that ends with a full stop
# ("…オプションは次の通り。", Japanese groupadd.8) are said after it, each
# whole; before, the prose alone was said
"$VGRUN" scenes --json --detail full "$M/haguruma.8" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "haguruma.8 json"
check "options under a sentence: said" has "$T/out" '"narration": *"[^"]*次の通り。[^"]*新規歯車の ID 番号。[^"]*成功として終了する'
# ... and a Japanese sentence after quoted options ("'-r -s' の後に…") is
# said whole, never the options' name alone
check "options quoted in a Japanese sentence: the sentence said" has "$T/out" '"narration": *"[^"]*歯車の番号に加算される。"'
"$VGRUN" scenes --json --detail full "$M/kiroku.8" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "kiroku.8 json"
check "one option under a sentence: said whole" has "$T/out" '"narration": *"[^"]*新規記録の ID 番号。この値は、他と重複してはならない。 *また非負値'
# FILES: paths each with what it is ("/etc/group - …"): the voice says what
# each is, never "画面のフォルダ" for each path
check "FILES: what each path is said" has "$T/out" '"narration": *"ファイル：記録の情報と安全な記録の情報。"'
check "FILES: no stand-in for the paths" hasnt "$T/out" '画面のフォルダ'
# an editor's command on its line under its sentence (vim's ":'a,'z!xxd",
# "!!xxd -r" in the Japanese xxd.1) is code shown, never said
check "editor command under its sentence: never said" hasnt "$T/out" '"narration": *"[^"]*!kiroku'
"$VGRUN" scenes --detail full "$M/kiroku.8" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "kiroku.8 full"
check "editor commands under their sentences: a code slide each" has "$T/out" '^ *5  command .*例 \[1 line sh\]'
# a Japanese paragraph that ends on a verb's plain form gets its stop
check "Japanese: a plain verb ends its sentence" has "$T/out" '» 記録を一つ読み込む。$'
# an address after a name in Latin letters goes alone: no stand-in glued to
# the name, and the line of Latin letters ends before the next sentence
check "address after a Latin name: no stand-in" hasnt "$T/out" '画面のアドレス'
check "address after a Latin name: the name said, then a stop" has "$T/out" '» (c) 1990-1997 by Jiro Kiroku。 マニュアルは Hana Kiroku によって書かれました。'
# a paragraph its translators left in English, a path in it, in a Chinese
# page: no Chinese stand-in glued into the English sentence
printf '.TH X 1\n.SH 名称\nx \\- 切换到新组\n.SH 描述\n命令 x 用于在登录会话期间更改当前组 ID。如果没有指定组，则使用默认组。\n.PP\nThe x command changes to the default group listed in /etc/passwd if no group name is given.\n' >"$T/zu.1"
"$VGRUN" scenes --json --detail full "$T/zu.1" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "zu.1"
check "English sentence in a Chinese page: an English stand-in" has "$T/out" 'listed in the folder shown if no group'
check "English sentence in a Chinese page: no Chinese in it" hasnt "$T/out" 'listed in屏幕'
page files.8 '.TH FILES 8\n.SH NAME\nfiles \\- keep records\n.SH DESCRIPTION\nThe files command keeps records.\n.SH FILES\n.TP\n/etc/records\nRecord account information.\n.TP\n/etc/rshadow\nSecure record account information.\n'
check "FILES in English: what each path is said" has "$T/out" '"narration": *"Files: record account information and secure record account information\."'
# a prompt string in an option's description (less's "?ltline %lt?L/%L.:"
# in man.1, here in Chinese): with every sentence wanted it is shown as
# code, never said; the sentences after it are said with it, and the
# option after it alone on its slide is said with its description
"$VGRUN" scenes --detail full "$M/chakan.1" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes chakan.1"
check "prompt string: shown as code" has "$T/out" 'command .*\[3 lines text\]'
check "prompt string: never said" hasnt "$T/out" '» .*ltline\|^ *[^•].*%lt?L'
check "prompt string: its name said whole" has "$T/out" '\$MAN_PN，'
check "prompt string: what follows it said with it" has "$T/out" '» 为了方便阅读'
check "one option on a slide: its description said" has "$T/out" '» .*显示纯 ASCII 文本'
# a line of code at the body's column after a colon, its sentence going on
# in lower case after it ("ressembler à :" / "'\" <chaîne>" / "dans laquelle
# …" in the French man.1): one sentence, never a key point of code nor one
# that starts in lower case; an apostrophe after it stays ("n'importe")
"$VGRUN" scenes "$M/engrenage.1" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes engrenage.1"
check "display after a colon: no bullet of code" hasnt "$T/out" "• '"
check "display after a colon: no bullet in lower case" hasnt "$T/out" '• dans laquelle'
"$VGRUN" scenes --detail full "$M/engrenage.1" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes --detail full engrenage.1"
check "display after a colon: the sentence said through it" has "$T/out" "n'importe quelle"
vg_done
