-- vg.i18n: every phrase vgrun itself says or shows, per language, and the
-- espeak-ng voice for each language. This one table is the only place these
-- words live: the C adapters (stages/input: "Welcome to …", "Key points …")
-- receive it when vg.input_core is opened, and the layouts (lua/vg/scenes)
-- read their labels from it. To add a language, copy the `en` block, translate
-- every value and name its voice; a phrase missing in a language falls back to
-- its parent's, then to M.neutral's (English only for English).
--
-- Placeholders: {1}, {2} are replaced by the caller (a title, a list).
-- Lists are joined with `sep` between items, `last` before the last of three
-- or more, `pair` between two (`or_last`, `or_pair` for "A, B or C").
-- `stop` ends a sentence the template completes.
--
--   local i18n = require("vg.i18n")
--   i18n.t("de", "thanks")            --> "Danke fürs Zuschauen"
--   i18n.t("fr", "part", 1, 2)        --> "Partie 1 sur 2"
--   i18n.voice("ko")                  --> "ko"
local M = {}

M.phrases = {
  en = {
    voice = "male",
    welcome = "Welcome to {1}", thanks = "Thanks for watching", part = "Part {1} of {2}",
    run_one = "Run this command to get started", run_many = "Run these commands to get started",
    -- what shell commands do when all of them build, install or test
    does_build_one = "This command builds it", does_build_many = "These commands build it",
    does_install_one = "This command installs it", does_install_many = "These commands install it",
    does_test_one = "This command runs the tests", does_test_many = "These commands run the tests",
    does_build_install_one = "This command builds and installs it",
    does_build_install_many = "These commands build and install it",
    does_build_test_one = "This command builds it and runs the tests",
    does_build_test_many = "These commands build it and run the tests",
    gives_you = "This gives you {1}.", key_points = "Key points include {1}.",
    remember = "Remember: {1}.", see_guides = "See {1} for complete guides.",
    compare = "Compare the {1} code with the {2} version.", original = "original", improved = "improved",
    key_improvements = "Key improvements: {1}.", as_put_it = "As {1} put it:",
    problem_n = "Problem {1}:", diff_easy = "This is an easy problem.",
    diff_medium = "This is a medium problem.", diff_hard = "This is a hard problem.",
    solution = "Here is the solution", checkpoint_n = "Checkpoint {1}.", checkpoint = "Checkpoint.",
    covered = "So far we covered {1}.", next_topics = "Next, we look at {1}.",
    quiz_time = "Quiz time.", is_it = "Is it {1}?", answer = "The answer is {1}.",
    lesson_named = "In this lesson, {1}, you will learn to {2}.",
    lesson = "In this lesson you will learn to {1}.", exercise = "Exercise:",
    take_about = "This should take about {1}.",
    sep = ", ", last = ", and ", pair = " and ", or_last = ", or ", or_pair = " or ", stop = ".",
    -- labels drawn by the layouts
    l_completed = "Completed", l_review = "Review", l_up_next = "Up next",
    l_checkpoint = "Checkpoint", l_before = "Before", l_after = "After", l_exercise = "Exercise",
    l_objectives = "Learning objectives", l_duration = "Duration", l_difficulty = "Difficulty",
    l_prerequisites = "Prerequisites", l_problem = "Problem", l_quiz = "Quiz",
    l_solution = "Solution", l_note = "Note", l_tip = "Tip", l_important = "Important",
    l_warning = "Warning", l_caution = "Caution",
    l_review_intro = "Let's review before moving on",
    transcript = "Transcript", part_n = "Part {1}",
  },
  de = {
    voice = "de",
    welcome = "Willkommen bei {1}", thanks = "Danke fürs Zuschauen", part = "Teil {1} von {2}",
    run_one = "Führen Sie diesen Befehl aus, um loszulegen",
    run_many = "Führen Sie diese Befehle aus, um loszulegen",
    gives_you = "Das bietet Ihnen: {1}.", key_points = "Die wichtigsten Punkte: {1}.",
    remember = "Merken Sie sich: {1}.", see_guides = "Ausführliche Anleitungen finden Sie in {1}.",
    compare = "Vergleichen Sie {1} mit {2}.", original = "den ursprünglichen Code",
    improved = "der verbesserten Version",
    key_improvements = "Die wichtigsten Verbesserungen: {1}.", as_put_it = "{1} sagte dazu:",
    problem_n = "Aufgabe {1}:", diff_easy = "Dies ist eine leichte Aufgabe.",
    diff_medium = "Dies ist eine mittelschwere Aufgabe.", diff_hard = "Dies ist eine schwere Aufgabe.",
    solution = "Hier ist die Lösung", checkpoint_n = "Zwischenstand {1}.", checkpoint = "Zwischenstand.",
    covered = "Bisher haben wir behandelt: {1}.", next_topics = "Als Nächstes sehen wir uns an: {1}.",
    quiz_time = "Zeit für ein Quiz.", is_it = "Ist es {1}?", answer = "Die Antwort lautet {1}.",
    lesson_named = "In dieser Lektion, {1}, lernen Sie: {2}.",
    lesson = "In dieser Lektion lernen Sie: {1}.", exercise = "Übung:",
    take_about = "Das dauert etwa {1}.",
    sep = ", ", last = " und ", pair = " und ", or_last = " oder ", or_pair = " oder ", stop = ".",
    l_completed = "Erledigt", l_review = "Wiederholung", l_up_next = "Als Nächstes",
    l_checkpoint = "Zwischenstand", l_before = "Vorher", l_after = "Nachher", l_exercise = "Übung",
    l_objectives = "Lernziele", l_duration = "Dauer", l_difficulty = "Schwierigkeit",
    l_prerequisites = "Voraussetzungen", l_problem = "Aufgabe", l_quiz = "Quiz",
    l_solution = "Lösung", l_note = "Hinweis", l_tip = "Tipp", l_important = "Wichtig",
    l_warning = "Warnung", l_caution = "Vorsicht",
    l_review_intro = "Ein kurzer Rückblick, bevor es weitergeht",
    transcript = "Transkript", part_n = "Teil {1}",
  },
  fr = {
    voice = "fr",
    welcome = "Bienvenue dans {1}", thanks = "Merci de votre attention", part = "Partie {1} sur {2}",
    run_one = "Exécutez cette commande pour commencer",
    run_many = "Exécutez ces commandes pour commencer",
    gives_you = "Vous obtenez ainsi : {1}.", key_points = "Points clés : {1}.",
    remember = "À retenir : {1}.", see_guides = "Consultez {1} pour des guides complets.",
    compare = "Comparez {1} avec {2}.", original = "le code d'origine", improved = "la version améliorée",
    key_improvements = "Principales améliorations : {1}.", as_put_it = "Comme l'a dit {1} :",
    problem_n = "Problème {1} :", diff_easy = "C'est un problème facile.",
    diff_medium = "C'est un problème de difficulté moyenne.", diff_hard = "C'est un problème difficile.",
    solution = "Voici la solution", checkpoint_n = "Point d'étape {1}.", checkpoint = "Point d'étape.",
    covered = "Jusqu'ici, nous avons vu : {1}.", next_topics = "Ensuite, nous verrons : {1}.",
    quiz_time = "C'est l'heure du quiz.", is_it = "Est-ce {1} ?", answer = "La réponse est {1}.",
    lesson_named = "Dans cette leçon, {1}, vous apprendrez : {2}.",
    lesson = "Dans cette leçon, vous apprendrez : {1}.", exercise = "Exercice :",
    take_about = "Cela devrait prendre environ {1}.",
    sep = ", ", last = " et ", pair = " et ", or_last = " ou ", or_pair = " ou ", stop = ".",
    l_completed = "Terminé", l_review = "Révision", l_up_next = "À suivre",
    l_checkpoint = "Point d'étape", l_before = "Avant", l_after = "Après", l_exercise = "Exercice",
    l_objectives = "Objectifs d'apprentissage", l_duration = "Durée", l_difficulty = "Difficulté",
    l_prerequisites = "Prérequis", l_problem = "Problème", l_quiz = "Quiz",
    l_solution = "Solution", l_note = "Remarque", l_tip = "Astuce", l_important = "Important",
    l_warning = "Avertissement", l_caution = "Attention",
    l_review_intro = "Faisons le point avant de continuer",
    transcript = "Transcription", part_n = "Partie {1}",
  },
  es = {
    voice = "es",
    welcome = "Bienvenidos a {1}", thanks = "Gracias por vernos", part = "Parte {1} de {2}",
    run_one = "Ejecuta este comando para empezar", run_many = "Ejecuta estos comandos para empezar",
    gives_you = "Esto te ofrece: {1}.", key_points = "Puntos clave: {1}.",
    remember = "Recuerda: {1}.", see_guides = "Consulta {1} para ver las guías completas.",
    compare = "Compara {1} con {2}.", original = "el código original", improved = "la versión mejorada",
    key_improvements = "Mejoras principales: {1}.", as_put_it = "Como dijo {1}:",
    problem_n = "Problema {1}:", diff_easy = "Este es un problema fácil.",
    diff_medium = "Este es un problema de dificultad media.", diff_hard = "Este es un problema difícil.",
    solution = "Esta es la solución", checkpoint_n = "Punto de control {1}.",
    checkpoint = "Punto de control.",
    covered = "Hasta ahora hemos visto: {1}.", next_topics = "A continuación veremos: {1}.",
    quiz_time = "Hora del cuestionario.", is_it = "¿Es {1}?", answer = "La respuesta es {1}.",
    lesson_named = "En esta lección, {1}, aprenderás: {2}.",
    lesson = "En esta lección aprenderás: {1}.", exercise = "Ejercicio:",
    take_about = "Debería llevar unos {1}.",
    sep = ", ", last = " y ", pair = " y ", or_last = " o ", or_pair = " o ", stop = ".",
    l_completed = "Completado", l_review = "Repaso", l_up_next = "A continuación",
    l_checkpoint = "Punto de control", l_before = "Antes", l_after = "Después",
    l_exercise = "Ejercicio", l_objectives = "Objetivos de aprendizaje", l_duration = "Duración",
    l_difficulty = "Dificultad", l_prerequisites = "Requisitos previos", l_problem = "Problema",
    l_quiz = "Cuestionario", l_solution = "Solución", l_note = "Nota", l_tip = "Consejo",
    l_important = "Importante", l_warning = "Advertencia", l_caution = "Precaución",
    l_review_intro = "Repasemos antes de continuar",
    transcript = "Transcripción", part_n = "Parte {1}",
  },
  it = {
    voice = "it",
    welcome = "Benvenuti in {1}", thanks = "Grazie per la visione", part = "Parte {1} di {2}",
    run_one = "Esegui questo comando per iniziare", run_many = "Esegui questi comandi per iniziare",
    gives_you = "In questo modo ottieni: {1}.", key_points = "Punti chiave: {1}.",
    remember = "Ricorda: {1}.", see_guides = "Consulta {1} per le guide complete.",
    compare = "Confronta {1} con {2}.", original = "il codice originale",
    improved = "la versione migliorata",
    key_improvements = "Miglioramenti principali: {1}.", as_put_it = "Come ha detto {1}:",
    problem_n = "Problema {1}:", diff_easy = "Questo è un problema facile.",
    diff_medium = "Questo è un problema di media difficoltà.",
    diff_hard = "Questo è un problema difficile.",
    solution = "Ecco la soluzione", checkpoint_n = "Punto di controllo {1}.",
    checkpoint = "Punto di controllo.",
    covered = "Finora abbiamo visto: {1}.", next_topics = "Ora vedremo: {1}.",
    quiz_time = "È il momento del quiz.", is_it = "È {1}?", answer = "La risposta è {1}.",
    lesson_named = "In questa lezione, {1}, imparerai: {2}.",
    lesson = "In questa lezione imparerai: {1}.", exercise = "Esercizio:",
    take_about = "Dovrebbe richiedere circa {1}.",
    sep = ", ", last = " e ", pair = " e ", or_last = " o ", or_pair = " o ", stop = ".",
    l_completed = "Completati", l_review = "Ripasso", l_up_next = "Prossimi argomenti",
    l_checkpoint = "Punto di controllo", l_before = "Prima", l_after = "Dopo",
    l_exercise = "Esercizio", l_objectives = "Obiettivi di apprendimento", l_duration = "Durata",
    l_difficulty = "Difficoltà", l_prerequisites = "Prerequisiti", l_problem = "Problema",
    l_quiz = "Quiz", l_solution = "Soluzione", l_note = "Nota", l_tip = "Suggerimento",
    l_important = "Importante", l_warning = "Avviso", l_caution = "Attenzione",
    l_review_intro = "Ripassiamo prima di andare avanti",
    transcript = "Trascrizione", part_n = "Parte {1}",
  },
  pt = {
    voice = "pt",
    welcome = "Bem-vindos a {1}", thanks = "Obrigado por assistir", part = "Parte {1} de {2}",
    run_one = "Execute este comando para começar", run_many = "Execute estes comandos para começar",
    gives_you = "Com isso, você tem: {1}.", key_points = "Pontos principais: {1}.",
    remember = "Lembre-se: {1}.", see_guides = "Consulte {1} para ver os guias completos.",
    compare = "Compare {1} com {2}.", original = "o código original", improved = "a versão melhorada",
    key_improvements = "Principais melhorias: {1}.", as_put_it = "Como disse {1}:",
    problem_n = "Problema {1}:", diff_easy = "Este é um problema fácil.",
    diff_medium = "Este é um problema de dificuldade média.", diff_hard = "Este é um problema difícil.",
    solution = "Aqui está a solução", checkpoint_n = "Ponto de verificação {1}.",
    checkpoint = "Ponto de verificação.",
    covered = "Até aqui vimos: {1}.", next_topics = "A seguir, veremos: {1}.",
    quiz_time = "Hora do quiz.", is_it = "É {1}?", answer = "A resposta é {1}.",
    lesson_named = "Nesta lição, {1}, você vai aprender: {2}.",
    lesson = "Nesta lição você vai aprender: {1}.", exercise = "Exercício:",
    take_about = "Isso deve levar cerca de {1}.",
    sep = ", ", last = " e ", pair = " e ", or_last = " ou ", or_pair = " ou ", stop = ".",
    l_completed = "Concluído", l_review = "Revisão", l_up_next = "A seguir",
    l_checkpoint = "Ponto de verificação", l_before = "Antes", l_after = "Depois",
    l_exercise = "Exercício", l_objectives = "Objetivos de aprendizagem", l_duration = "Duração",
    l_difficulty = "Dificuldade", l_prerequisites = "Pré-requisitos", l_problem = "Problema",
    l_quiz = "Quiz", l_solution = "Solução", l_note = "Nota", l_tip = "Dica",
    l_important = "Importante", l_warning = "Aviso", l_caution = "Cuidado",
    l_review_intro = "Vamos revisar antes de continuar",
    transcript = "Transcrição", part_n = "Parte {1}",
  },
  nl = {
    voice = "nl",
    welcome = "Welkom bij {1}", thanks = "Bedankt voor het kijken", part = "Deel {1} van {2}",
    run_one = "Voer deze opdracht uit om te beginnen", run_many = "Voer deze opdrachten uit om te beginnen",
    gives_you = "Zo krijg je: {1}.", key_points = "De belangrijkste punten: {1}.",
    remember = "Onthoud: {1}.", see_guides = "Zie {1} voor de volledige handleidingen.",
    compare = "Vergelijk {1} met {2}.", original = "de oorspronkelijke code",
    improved = "de verbeterde versie",
    key_improvements = "De belangrijkste verbeteringen: {1}.", as_put_it = "Zoals {1} het zei:",
    problem_n = "Opgave {1}:", diff_easy = "Dit is een makkelijke opgave.",
    diff_medium = "Dit is een gemiddelde opgave.", diff_hard = "Dit is een moeilijke opgave.",
    solution = "Hier is de oplossing", checkpoint_n = "Tussenstand {1}.", checkpoint = "Tussenstand.",
    covered = "Tot nu toe hebben we behandeld: {1}.", next_topics = "Hierna bekijken we: {1}.",
    quiz_time = "Tijd voor een quiz.", is_it = "Is het {1}?", answer = "Het antwoord is {1}.",
    lesson_named = "In deze les, {1}, leer je: {2}.",
    lesson = "In deze les leer je: {1}.", exercise = "Oefening:",
    take_about = "Dit duurt ongeveer {1}.",
    sep = ", ", last = " en ", pair = " en ", or_last = " of ", or_pair = " of ", stop = ".",
    l_completed = "Behandeld", l_review = "Herhaling", l_up_next = "Hierna",
    l_checkpoint = "Tussenstand", l_before = "Voor", l_after = "Na", l_exercise = "Oefening",
    l_objectives = "Leerdoelen", l_duration = "Duur", l_difficulty = "Moeilijkheid",
    l_prerequisites = "Voorkennis", l_problem = "Opgave", l_quiz = "Quiz",
    l_solution = "Oplossing", l_note = "Opmerking", l_tip = "Tip", l_important = "Belangrijk",
    l_warning = "Waarschuwing", l_caution = "Let op",
    l_review_intro = "Even terugblikken voordat we verdergaan",
    transcript = "Transcript", part_n = "Deel {1}",
  },
  ru = {
    voice = "ru",
    welcome = "Добро пожаловать: {1}", thanks = "Спасибо за внимание", part = "Часть {1} из {2}",
    run_one = "Чтобы начать, выполните эту команду", run_many = "Чтобы начать, выполните эти команды",
    gives_you = "Это даёт вам: {1}.", key_points = "Главное: {1}.",
    remember = "Запомните: {1}.", see_guides = "Подробные руководства: {1}.",
    compare = "Сравните {1} с {2}.", original = "исходный код", improved = "улучшенной версией",
    key_improvements = "Основные улучшения: {1}.", as_put_it = "Как говорит {1}:",
    problem_n = "Задача {1}:", diff_easy = "Это лёгкая задача.",
    diff_medium = "Это задача средней сложности.", diff_hard = "Это сложная задача.",
    solution = "Вот решение", checkpoint_n = "Контрольная точка {1}.",
    checkpoint = "Контрольная точка.",
    covered = "Мы уже рассмотрели: {1}.", next_topics = "Далее мы рассмотрим: {1}.",
    quiz_time = "Время викторины.", is_it = "Это {1}?", answer = "Правильный ответ: {1}.",
    lesson_named = "В этом уроке, «{1}», вы научитесь: {2}.",
    lesson = "В этом уроке вы научитесь: {1}.", exercise = "Упражнение:",
    take_about = "Это займёт около {1}.",
    sep = ", ", last = " и ", pair = " и ", or_last = " или ", or_pair = " или ", stop = ".",
    l_completed = "Пройдено", l_review = "Повторение", l_up_next = "Далее",
    l_checkpoint = "Контрольная точка", l_before = "До", l_after = "После",
    l_exercise = "Упражнение", l_objectives = "Цели урока", l_duration = "Длительность",
    l_difficulty = "Сложность", l_prerequisites = "Что нужно знать", l_problem = "Задача",
    l_quiz = "Викторина", l_solution = "Решение", l_note = "Примечание", l_tip = "Совет",
    l_important = "Важно", l_warning = "Предупреждение", l_caution = "Осторожно",
    l_review_intro = "Повторим пройденное, прежде чем двигаться дальше",
    transcript = "Расшифровка", part_n = "Часть {1}",
  },
  zh = {
    voice = "cmn",
    welcome = "欢迎观看{1}", thanks = "感谢观看", part = "第{1}部分，共{2}部分",
    run_one = "运行这条命令即可开始", run_many = "运行这些命令即可开始",
    gives_you = "这样你就能获得：{1}。", key_points = "要点包括：{1}。",
    remember = "请记住：{1}。", see_guides = "完整指南请参阅{1}。",
    compare = "请比较{1}和{2}。", original = "原始代码", improved = "改进后的版本",
    key_improvements = "主要改进：{1}。", as_put_it = "正如{1}所说：",
    problem_n = "问题{1}：", diff_easy = "这是一道简单的题。",
    diff_medium = "这是一道中等难度的题。", diff_hard = "这是一道难题。",
    solution = "下面是解答", checkpoint_n = "检查点{1}。", checkpoint = "检查点。",
    covered = "到目前为止，我们介绍了：{1}。", next_topics = "接下来我们将学习：{1}。",
    quiz_time = "测验时间。", is_it = "是{1}吗？", answer = "答案是{1}。",
    lesson_named = "在本课“{1}”中，你将学习：{2}。",
    lesson = "在本课中，你将学习：{1}。", exercise = "练习：",
    take_about = "大约需要{1}。",
    sep = "、", last = "和", pair = "和", or_last = "还是", or_pair = "还是", stop = "。",
    l_completed = "已完成", l_review = "复习", l_up_next = "接下来", l_checkpoint = "检查点",
    l_before = "修改前", l_after = "修改后", l_exercise = "练习", l_objectives = "学习目标",
    l_duration = "时长", l_difficulty = "难度", l_prerequisites = "先决条件", l_problem = "问题",
    l_quiz = "测验", l_solution = "解答", l_note = "注意", l_tip = "提示", l_important = "重要",
    l_warning = "警告", l_caution = "小心",
    l_review_intro = "继续之前，我们先来复习一下",
    transcript = "文字记录", part_n = "第{1}部分",
  },
  ja = {
    voice = "ja",
    welcome = "{1}へようこそ", thanks = "ご視聴ありがとうございました", part = "第{1}部（全{2}部）",
    run_one = "まずはこのコマンドを実行してください", run_many = "まずはこれらのコマンドを実行してください",
    gives_you = "これで得られるもの：{1}。", key_points = "主なポイント：{1}。",
    remember = "覚えておきましょう：{1}。", see_guides = "詳しいガイドは{1}をご覧ください。",
    compare = "{1}と{2}を比べてみましょう。", original = "元のコード", improved = "改善後のバージョン",
    key_improvements = "主な改善点：{1}。", as_put_it = "{1}の言葉です：",
    problem_n = "問題{1}：", diff_easy = "これは易しい問題です。",
    diff_medium = "これは中程度の問題です。", diff_hard = "これは難しい問題です。",
    solution = "解答はこちらです", checkpoint_n = "チェックポイント{1}。", checkpoint = "チェックポイント。",
    covered = "ここまでに学んだこと：{1}。", next_topics = "次に取り上げること：{1}。",
    quiz_time = "クイズの時間です。", is_it = "答えは{1}でしょうか？", answer = "正解は{1}です。",
    lesson_named = "このレッスン「{1}」で学ぶこと：{2}。",
    lesson = "このレッスンで学ぶこと：{1}。", exercise = "演習：",
    take_about = "所要時間は約{1}です。",
    sep = "、", last = "、", pair = "と", or_last = "、または", or_pair = "または", stop = "。",
    l_completed = "完了", l_review = "復習", l_up_next = "次のテーマ",
    l_checkpoint = "チェックポイント", l_before = "変更前", l_after = "変更後", l_exercise = "演習",
    l_objectives = "学習目標", l_duration = "所要時間", l_difficulty = "難易度",
    l_prerequisites = "前提条件", l_problem = "問題", l_quiz = "クイズ", l_solution = "解答",
    l_note = "注記", l_tip = "ヒント", l_important = "重要", l_warning = "警告", l_caution = "注意",
    l_review_intro = "先に進む前に復習しましょう",
    transcript = "文字起こし", part_n = "パート{1}",
  },
  ko = {
    voice = "ko",
    welcome = "{1}에 오신 것을 환영합니다", thanks = "시청해 주셔서 감사합니다", part = "{2}부 중 {1}부",
    run_one = "이 명령을 실행하여 시작하세요", run_many = "다음 명령을 실행하여 시작하세요",
    gives_you = "이를 통해 얻을 수 있는 것: {1}.", key_points = "핵심 내용: {1}.",
    remember = "기억하세요: {1}.", see_guides = "자세한 안내: {1}.",
    compare = "{1}와 {2}을 비교해 보세요.", original = "원래 코드", improved = "개선된 버전",
    key_improvements = "주요 개선 사항: {1}.", as_put_it = "{1}의 말:",
    problem_n = "문제 {1}:", diff_easy = "쉬운 문제입니다.",
    diff_medium = "보통 난이도의 문제입니다.", diff_hard = "어려운 문제입니다.",
    solution = "해답입니다", checkpoint_n = "체크포인트 {1}.", checkpoint = "체크포인트.",
    covered = "지금까지 다룬 내용: {1}.", next_topics = "다음에 살펴볼 내용: {1}.",
    quiz_time = "퀴즈 시간입니다.", is_it = "정답은 {1} 중 무엇일까요?", answer = "정답은 {1}입니다.",
    lesson_named = "이번 강의 「{1}」에서 배울 내용: {2}.",
    lesson = "이번 강의에서 배울 내용: {1}.", exercise = "실습:",
    take_about = "예상 소요 시간은 약 {1}입니다.",
    sep = ", ", last = ", ", pair = ", ", or_last = " 또는 ", or_pair = " 또는 ", stop = ".",
    l_completed = "완료", l_review = "복습", l_up_next = "다음 내용", l_checkpoint = "체크포인트",
    l_before = "변경 전", l_after = "변경 후", l_exercise = "실습", l_objectives = "학습 목표",
    l_duration = "소요 시간", l_difficulty = "난이도", l_prerequisites = "선수 지식",
    l_problem = "문제", l_quiz = "퀴즈", l_solution = "해답", l_note = "참고", l_tip = "팁",
    l_important = "중요", l_warning = "경고", l_caution = "주의",
    l_review_intro = "다음으로 넘어가기 전에 복습해 봅시다",
    transcript = "대본", part_n = "{1}부",
  },
  vi = {
    voice = "vi",
    welcome = "Chào mừng bạn đến với {1}", thanks = "Cảm ơn bạn đã theo dõi", part = "Phần {1} trên {2}",
    run_one = "Chạy lệnh này để bắt đầu", run_many = "Chạy các lệnh sau để bắt đầu",
    gives_you = "Bạn sẽ có: {1}.", key_points = "Những điểm chính: {1}.",
    remember = "Hãy nhớ: {1}.", see_guides = "Xem {1} để có hướng dẫn đầy đủ.",
    compare = "So sánh {1} với {2}.", original = "mã ban đầu", improved = "phiên bản đã cải tiến",
    key_improvements = "Những cải tiến chính: {1}.", as_put_it = "Như {1} đã nói:",
    problem_n = "Bài toán {1}:", diff_easy = "Đây là một bài dễ.",
    diff_medium = "Đây là một bài có độ khó trung bình.", diff_hard = "Đây là một bài khó.",
    solution = "Đây là lời giải", checkpoint_n = "Điểm kiểm tra {1}.", checkpoint = "Điểm kiểm tra.",
    covered = "Chúng ta đã tìm hiểu: {1}.", next_topics = "Tiếp theo, chúng ta sẽ xem: {1}.",
    quiz_time = "Đến phần câu đố.", is_it = "Đó là {1}?", answer = "Đáp án là {1}.",
    lesson_named = "Trong bài học {1}, bạn sẽ học: {2}.",
    lesson = "Trong bài học này, bạn sẽ học: {1}.", exercise = "Bài tập:",
    take_about = "Việc này mất khoảng {1}.",
    sep = ", ", last = " và ", pair = " và ", or_last = " hay ", or_pair = " hay ", stop = ".",
    l_completed = "Đã học", l_review = "Ôn tập", l_up_next = "Tiếp theo", l_checkpoint = "Điểm kiểm tra",
    l_before = "Trước", l_after = "Sau", l_exercise = "Bài tập", l_objectives = "Mục tiêu bài học",
    l_duration = "Thời lượng", l_difficulty = "Độ khó", l_prerequisites = "Kiến thức cần có",
    l_problem = "Bài toán", l_quiz = "Câu đố", l_solution = "Lời giải", l_note = "Ghi chú", l_tip = "Mẹo",
    l_important = "Quan trọng", l_warning = "Cảnh báo", l_caution = "Thận trọng",
    l_review_intro = "Hãy ôn lại trước khi tiếp tục",
    transcript = "Bản ghi lời", part_n = "Phần {1}",
  },
  ar = {
    voice = "ar",
    welcome = "مرحبًا بكم في {1}", thanks = "شكرًا على المشاهدة", part = "الجزء {1} من {2}",
    run_one = "شغّل هذا الأمر للبدء", run_many = "شغّل هذه الأوامر للبدء",
    gives_you = "يمنحك هذا: {1}.", key_points = "أهم النقاط: {1}.",
    remember = "تذكّر: {1}.", see_guides = "راجع {1} للاطلاع على الأدلة الكاملة.",
    compare = "قارن {1} مع {2}.", original = "الشيفرة الأصلية", improved = "النسخة المحسّنة",
    key_improvements = "أهم التحسينات: {1}.", as_put_it = "كما قال {1}:",
    problem_n = "المسألة {1}:", diff_easy = "هذه مسألة سهلة.",
    diff_medium = "هذه مسألة متوسطة الصعوبة.", diff_hard = "هذه مسألة صعبة.",
    solution = "إليك الحل", checkpoint_n = "نقطة مراجعة {1}.", checkpoint = "نقطة مراجعة.",
    covered = "تناولنا حتى الآن: {1}.", next_topics = "سنتناول بعد ذلك: {1}.",
    quiz_time = "حان وقت الاختبار.", is_it = "هل هو {1}؟", answer = "الإجابة هي {1}.",
    lesson_named = "في هذا الدرس، {1}، ستتعلم: {2}.",
    lesson = "في هذا الدرس ستتعلم: {1}.", exercise = "تمرين:",
    take_about = "يستغرق هذا نحو {1}.",
    sep = "، ", last = " و", pair = " و", or_last = " أو ", or_pair = " أو ", stop = ".",
    l_completed = "مكتمل", l_review = "مراجعة", l_up_next = "التالي", l_checkpoint = "نقطة مراجعة",
    l_before = "قبل", l_after = "بعد", l_exercise = "تمرين", l_objectives = "أهداف التعلم",
    l_duration = "المدة", l_difficulty = "الصعوبة", l_prerequisites = "المتطلبات المسبقة",
    l_problem = "المسألة", l_quiz = "اختبار", l_solution = "الحل", l_note = "ملاحظة",
    l_tip = "نصيحة", l_important = "مهم", l_warning = "تحذير", l_caution = "تنبيه",
    l_review_intro = "لنراجع ما تعلمناه قبل المتابعة",
    transcript = "نص مكتوب", part_n = "الجزء {1}",
  },
}

-- Tables and code slides: what the narration says around a table's rows,
-- and the label of a continued page. Plain assignments: the C adapters read
-- this file in a Lua state with no libraries (no pairs).
M.phrases.en.table_columns = "The table shows {1}."
M.phrases.en.table_more = "And {1} more rows."
M.phrases.en.table_more_one = "And one more row."
M.phrases.en.table_more_named = "And {1} more {2}." -- what the rows are: "And 22 more keys."
M.phrases.en.code_example = "An example in {1}."
-- shell commands no prose introduces: the section and the programs it runs
M.phrases.en.code_runs_named = "{1}: run {2}."
M.phrases.en.code_runs = "Run {1}."
M.phrases.en.l_continued = "continued"
M.phrases.fr.table_columns = "Le tableau présente {1}."
M.phrases.fr.table_more = "Et {1} lignes de plus."
M.phrases.fr.table_more_one = "Et une ligne de plus."
M.phrases.fr.code_example = "Un exemple en {1}."
M.phrases.fr.code_runs_named = "{1} : exécutez {2}."
M.phrases.fr.code_runs = "Exécutez {1}."
M.phrases.fr.l_continued = "suite"
M.phrases.it.table_columns = "La tabella mostra {1}."
M.phrases.it.table_more = "E altre {1} righe."
M.phrases.it.table_more_one = "E un'altra riga."
M.phrases.it.code_example = "Un esempio in {1}."
M.phrases.it.code_runs_named = "{1}: esegui {2}."
M.phrases.it.code_runs = "Esegui {1}."
M.phrases.it.l_continued = "continua"
M.phrases.nl.table_columns = "De tabel toont {1}."
M.phrases.nl.table_more = "En nog {1} rijen."
M.phrases.nl.table_more_one = "En nog één rij."
M.phrases.nl.code_example = "Een voorbeeld in {1}."
M.phrases.nl.code_runs_named = "{1}: voer {2} uit."
M.phrases.nl.code_runs = "Voer {1} uit."
M.phrases.nl.l_continued = "vervolg"
M.phrases.zh.table_columns = "表格列出{1}。"
M.phrases.zh.table_more = "另有{1}行。"
M.phrases.zh.table_more_one = "另有一行。"
M.phrases.zh.code_example = "{1}示例。"
M.phrases.zh.l_continued = "续"
M.phrases.ko.table_columns = "표의 항목은 {1}입니다."
M.phrases.vi.table_columns = "Bảng gồm các cột {1}."
M.phrases.ko.table_more = "그 밖에 {1}개 행이 있습니다."
M.phrases.vi.table_more = "Còn {1} hàng nữa."
M.phrases.ko.table_more_one = "그 밖에 1개 행이 있습니다."
M.phrases.vi.table_more_one = "Còn một hàng nữa."
M.phrases.ko.code_example = "{1} 예제입니다."
M.phrases.vi.code_example = "Một ví dụ bằng {1}."
M.phrases.ko.l_continued = "계속"
M.phrases.vi.l_continued = "tiếp"
M.phrases.de.table_columns = "Die Tabelle zeigt {1}."
M.phrases.de.table_more = "Und {1} weitere Zeilen."
M.phrases.de.table_more_one = "Und eine weitere Zeile."
M.phrases.de.code_example = "Ein Beispiel in {1}."
M.phrases.de.code_runs_named = "{1}: {2} ausführen."
M.phrases.de.code_runs = "{1} ausführen."
M.phrases.es.table_columns = "La tabla muestra {1}."
M.phrases.es.table_more = "Y {1} filas más."
M.phrases.es.table_more_one = "Y una fila más."
M.phrases.es.code_example = "Un ejemplo en {1}."
M.phrases.es.code_runs_named = "{1}: ejecuta {2}."
M.phrases.es.code_runs = "Ejecuta {1}."
M.phrases.pt.table_columns = "A tabela mostra {1}."
M.phrases.pt.table_more = "E mais {1} linhas."
M.phrases.pt.table_more_one = "E mais uma linha."
M.phrases.pt.code_example = "Um exemplo em {1}."
M.phrases.pt.code_runs_named = "{1}: execute {2}."
M.phrases.pt.code_runs = "Execute {1}."
M.phrases.ru.table_columns = "В таблице: {1}."
M.phrases.ru.table_more = "И ещё строк: {1}."
M.phrases.ru.table_more_one = "И ещё одна строка."
M.phrases.ru.code_example = "Пример на {1}."
M.phrases.ja.table_columns = "表の項目は{1}です。"
M.phrases.ja.table_more = "ほかに{1}行あります。"
M.phrases.ja.table_more_one = "ほかに1行あります。"
M.phrases.ja.code_example = "{1}の例です。"
M.phrases.ar.table_columns = "يعرض الجدول {1}."
M.phrases.ar.table_more = "وصفوف أخرى: {1}."
M.phrases.ar.table_more_one = "وصف آخر."
M.phrases.ar.code_example = "مثال بلغة {1}."
-- every language marks a continued slide (a scene split to fit its frame)
M.phrases.de.l_continued = "Fortsetzung"
M.phrases.es.l_continued = "continuación"
M.phrases.pt.l_continued = "continuação"
M.phrases.ru.l_continued = "продолжение"
M.phrases.ja.l_continued = "続き"
M.phrases.ar.l_continued = "تابع"

-- A wide table's later groups of columns, and what a slide of a long or
-- wide table shows of it (its description)
M.phrases.en.table_columns_more = "The table also shows {1}."
-- a table that pages names its size with its columns (English only): "The
-- table shows Application, Description, and Plugin for 27 integrations."
M.phrases.en.table_columns_count = "The table shows {1} for {2} rows."
M.phrases.en.table_columns_count_named = "The table shows {1} for {2} {3}."
M.phrases.en.l_table_columns = "columns {1}–{2} of {3}"
M.phrases.en.l_table_rows = "first {1} of {2} rows"
M.phrases.fr.table_columns_more = "Le tableau présente aussi {1}."
M.phrases.fr.l_table_columns = "colonnes {1} à {2} sur {3}"
M.phrases.fr.l_table_rows = "les {1} premières lignes sur {2}"
M.phrases.it.table_columns_more = "La tabella mostra anche {1}."
M.phrases.it.l_table_columns = "colonne {1}–{2} di {3}"
M.phrases.it.l_table_rows = "prime {1} righe su {2}"
M.phrases.nl.table_columns_more = "De tabel toont ook {1}."
M.phrases.nl.l_table_columns = "kolommen {1}–{2} van {3}"
M.phrases.nl.l_table_rows = "eerste {1} van {2} rijen"
M.phrases.zh.table_columns_more = "表格还列出{1}。"
M.phrases.zh.l_table_columns = "第{1}–{2}列，共{3}列"
M.phrases.zh.l_table_rows = "前{1}行，共{2}行"
M.phrases.ko.table_columns_more = "표의 다른 항목은 {1}입니다."
M.phrases.ko.l_table_columns = "전체 {3}개 열 중 {1}–{2}열"
M.phrases.ko.l_table_rows = "전체 {2}개 행 중 처음 {1}개"
M.phrases.vi.table_columns_more = "Bảng còn có các cột {1}."
M.phrases.vi.l_table_columns = "cột {1}–{2} trong {3} cột"
M.phrases.vi.l_table_rows = "{1} hàng đầu trong {2} hàng"
M.phrases.de.table_columns_more = "Die Tabelle zeigt auch {1}."
M.phrases.de.l_table_columns = "Spalten {1}–{2} von {3}"
M.phrases.de.l_table_rows = "erste {1} von {2} Zeilen"
M.phrases.es.table_columns_more = "La tabla muestra también {1}."
M.phrases.es.l_table_columns = "columnas {1}–{2} de {3}"
M.phrases.es.l_table_rows = "primeras {1} de {2} filas"
M.phrases.pt.table_columns_more = "A tabela mostra também {1}."
M.phrases.pt.l_table_columns = "colunas {1}–{2} de {3}"
M.phrases.pt.l_table_rows = "primeiras {1} de {2} linhas"
M.phrases.ru.table_columns_more = "Ещё в таблице: {1}."
M.phrases.ru.l_table_columns = "столбцы {1}–{2} из {3}"
M.phrases.ru.l_table_rows = "первые {1} из {2} строк"
M.phrases.ja.table_columns_more = "表のほかの項目は{1}です。"
M.phrases.ja.l_table_columns = "全{3}列のうち{1}〜{2}列"
M.phrases.ja.l_table_rows = "全{2}行のうち最初の{1}行"
M.phrases.ar.table_columns_more = "ويعرض الجدول أيضًا {1}."
M.phrases.ar.l_table_columns = "الأعمدة {1}–{2} من {3}"
M.phrases.ar.l_table_rows = "أول {1} من {2} صفًا"

-- A table of contents is an agenda: "N topics: A, B and C".
M.phrases.en.agenda = "{1} topics: {2}."
M.phrases.en.agenda_more = "{1} topics, among them {2}."
M.phrases.de.agenda = "{1} Themen: {2}."
M.phrases.de.agenda_more = "{1} Themen, darunter {2}."
M.phrases.fr.agenda = "{1} sujets : {2}."
M.phrases.fr.agenda_more = "{1} sujets, dont {2}."
M.phrases.es.agenda = "{1} temas: {2}."
M.phrases.es.agenda_more = "{1} temas, entre ellos {2}."
M.phrases.it.agenda = "{1} argomenti: {2}."
M.phrases.it.agenda_more = "{1} argomenti, tra cui {2}."
M.phrases.pt.agenda = "{1} tópicos: {2}."
M.phrases.pt.agenda_more = "{1} tópicos, entre eles {2}."
M.phrases.nl.agenda = "{1} onderwerpen: {2}."
M.phrases.nl.agenda_more = "{1} onderwerpen, waaronder {2}."
M.phrases.ru.agenda = "Темы ({1}): {2}."
M.phrases.ru.agenda_more = "Темы ({1}), среди них {2}."
M.phrases.zh.agenda = "共{1}个主题：{2}。"
M.phrases.zh.agenda_more = "共{1}个主题，包括{2}。"
M.phrases.ja.agenda = "{1}件のトピック：{2}。"
M.phrases.ja.agenda_more = "{1}件のトピック、たとえば{2}。"
M.phrases.ko.agenda = "{1}개 주제: {2}."
M.phrases.vi.agenda = "{1} chủ đề: {2}."
M.phrases.ko.agenda_more = "{1}개 주제, 그중 {2}."
M.phrases.vi.agenda_more = "{1} chủ đề, trong đó có {2}."
M.phrases.ar.agenda = "الموضوعات ({1}): {2}."
M.phrases.ar.agenda_more = "الموضوعات ({1})، منها {2}."

-- A power written as a superscript ("n²", "10⁻³"), said after its base: {1} the exponent.
M.phrases.en.pow_2 = "squared"
M.phrases.en.pow_3 = "cubed"
M.phrases.en.pow_n = "to the power of {1}"
M.phrases.de.pow_2 = "Quadrat"
M.phrases.de.pow_3 = "hoch drei"
M.phrases.de.pow_n = "hoch {1}"
M.phrases.fr.pow_2 = "au carré"
M.phrases.fr.pow_3 = "au cube"
M.phrases.fr.pow_n = "puissance {1}"
M.phrases.es.pow_2 = "al cuadrado"
M.phrases.es.pow_3 = "al cubo"
M.phrases.es.pow_n = "elevado a {1}"
M.phrases.it.pow_2 = "al quadrato"
M.phrases.it.pow_3 = "al cubo"
M.phrases.it.pow_n = "elevato alla {1}"
M.phrases.pt.pow_2 = "ao quadrado"
M.phrases.pt.pow_3 = "ao cubo"
M.phrases.pt.pow_n = "elevado a {1}"
M.phrases.nl.pow_2 = "kwadraat"
M.phrases.nl.pow_3 = "tot de derde macht"
M.phrases.nl.pow_n = "tot de macht {1}"

-- An API reference's parameter list, said in words ("Parameter: path und optional suffix.").
-- English builds its own sentence with articles ("It takes a path and an optional suffix,
-- and returns a string."); these keys are its other languages' (and its fallback).
M.phrases.en.api_takes = "It takes {1}."
M.phrases.en.api_returns = "It returns {1}."
M.phrases.en.api_type = "It is {1}."
M.phrases.en.api_optional = "an optional {1}"
M.phrases.en.api_more = "{1} more"
M.phrases.en.api_any = "any number of {1}"
M.phrases.en.api_array = "array of {1}"
M.phrases.de.api_takes = "Parameter: {1}."
M.phrases.de.api_returns = "Rückgabewert: {1}."
M.phrases.de.api_type = "Typ: {1}."
M.phrases.de.api_optional = "optional {1}"
M.phrases.de.api_more = "{1} weitere"
M.phrases.de.api_any = "beliebig viele {1}"
M.phrases.de.api_array = "Array von {1}"
M.phrases.fr.api_takes = "Paramètres : {1}."
M.phrases.fr.api_returns = "Valeur de retour : {1}."
M.phrases.fr.api_type = "Type : {1}."
M.phrases.fr.api_optional = "{1} facultatif"
M.phrases.fr.api_more = "{1} autres"
M.phrases.fr.api_any = "un nombre quelconque de {1}"
M.phrases.fr.api_array = "tableau de {1}"
M.phrases.es.api_takes = "Parámetros: {1}."
M.phrases.es.api_returns = "Valor de retorno: {1}."
M.phrases.es.api_type = "Tipo: {1}."
M.phrases.es.api_optional = "{1} opcional"
M.phrases.es.api_more = "{1} más"
M.phrases.es.api_any = "cualquier número de {1}"
M.phrases.es.api_array = "array de {1}"
M.phrases.it.api_takes = "Parametri: {1}."
M.phrases.it.api_returns = "Valore restituito: {1}."
M.phrases.it.api_type = "Tipo: {1}."
M.phrases.it.api_optional = "{1} facoltativo"
M.phrases.it.api_more = "altri {1}"
M.phrases.it.api_any = "un numero qualsiasi di {1}"
M.phrases.it.api_array = "array di {1}"
M.phrases.pt.api_takes = "Parâmetros: {1}."
M.phrases.pt.api_returns = "Valor de retorno: {1}."
M.phrases.pt.api_type = "Tipo: {1}."
M.phrases.pt.api_optional = "{1} opcional"
M.phrases.pt.api_more = "mais {1}"
M.phrases.pt.api_any = "qualquer número de {1}"
M.phrases.pt.api_array = "array de {1}"
M.phrases.nl.api_takes = "Parameters: {1}."
M.phrases.nl.api_returns = "Retourwaarde: {1}."
M.phrases.nl.api_type = "Type: {1}."
M.phrases.nl.api_optional = "optioneel {1}"
M.phrases.nl.api_more = "{1} andere"
M.phrases.nl.api_any = "willekeurig veel {1}"
M.phrases.nl.api_array = "array van {1}"
M.phrases.ru.api_takes = "Параметры: {1}."
M.phrases.ru.api_returns = "Возвращает: {1}."
M.phrases.ru.api_type = "Тип: {1}."
M.phrases.ru.api_optional = "необязательный {1}"
M.phrases.ru.api_more = "ещё {1}"
M.phrases.ru.api_any = "любое число {1}"
M.phrases.ru.api_array = "массив {1}"
M.phrases.zh.api_takes = "参数：{1}。"
M.phrases.zh.api_returns = "返回值：{1}。"
M.phrases.zh.api_type = "类型：{1}。"
M.phrases.zh.api_optional = "可选的 {1}"
M.phrases.zh.api_more = "另外{1}个"
M.phrases.zh.api_any = "任意数量的 {1}"
M.phrases.zh.api_array = "{1} 数组"
M.phrases.ja.api_takes = "引数：{1}。"
M.phrases.ja.api_returns = "戻り値：{1}。"
M.phrases.ja.api_type = "型：{1}。"
M.phrases.ja.api_optional = "省略可能な {1}"
M.phrases.ja.api_more = "ほか{1}個"
M.phrases.ja.api_any = "任意の数の {1}"
M.phrases.ja.api_array = "{1} の配列"
M.phrases.ko.api_takes = "매개변수: {1}."
M.phrases.vi.api_takes = "Tham số: {1}."
M.phrases.ko.api_returns = "반환값: {1}."
M.phrases.vi.api_returns = "Giá trị trả về: {1}."
M.phrases.ko.api_type = "타입: {1}."
M.phrases.vi.api_type = "Kiểu: {1}."
M.phrases.ko.api_optional = "선택적 {1}"
M.phrases.vi.api_optional = "{1} tùy chọn"
M.phrases.ko.api_more = "그 외 {1}개"
M.phrases.vi.api_more = "{1} mục khác"
M.phrases.ko.api_any = "임의 개수의 {1}"
M.phrases.vi.api_any = "số lượng tùy ý {1}"
M.phrases.ko.api_array = "{1} 배열"
M.phrases.vi.api_array = "mảng {1}"
M.phrases.ar.api_takes = "المعاملات: {1}."
M.phrases.ar.api_returns = "القيمة المعادة: {1}."
M.phrases.ar.api_type = "النوع: {1}."
M.phrases.ar.api_optional = "{1} الاختياري"
M.phrases.ar.api_more = "{1} أخرى"
M.phrases.ar.api_any = "أي عدد من {1}"
M.phrases.ar.api_array = "مصفوفة من {1}"

-- ... and the labels of its slide
M.phrases.en.l_returns = "Returns"
M.phrases.en.l_type = "Type"
M.phrases.en.l_optional = "optional"
M.phrases.de.l_returns = "Rückgabewert"
M.phrases.de.l_type = "Typ"
M.phrases.de.l_optional = "optional"
M.phrases.fr.l_returns = "Valeur de retour"
M.phrases.fr.l_type = "Type"
M.phrases.fr.l_optional = "facultatif"
M.phrases.es.l_returns = "Valor de retorno"
M.phrases.es.l_type = "Tipo"
M.phrases.es.l_optional = "opcional"
M.phrases.it.l_returns = "Valore restituito"
M.phrases.it.l_type = "Tipo"
M.phrases.it.l_optional = "facoltativo"
M.phrases.pt.l_returns = "Valor de retorno"
M.phrases.pt.l_type = "Tipo"
M.phrases.pt.l_optional = "opcional"
M.phrases.nl.l_returns = "Retourwaarde"
M.phrases.nl.l_type = "Type"
M.phrases.nl.l_optional = "optioneel"
M.phrases.ru.l_returns = "Возвращает"
M.phrases.ru.l_type = "Тип"
M.phrases.ru.l_optional = "необязательный"
M.phrases.zh.l_returns = "返回值"
M.phrases.zh.l_type = "类型"
M.phrases.zh.l_optional = "可选"
M.phrases.ja.l_returns = "戻り値"
M.phrases.ja.l_type = "型"
M.phrases.ja.l_optional = "省略可"
M.phrases.ko.l_returns = "반환값"
M.phrases.vi.l_returns = "Giá trị trả về"
M.phrases.ko.l_type = "타입"
M.phrases.vi.l_type = "Kiểu"
M.phrases.ko.l_optional = "선택"
M.phrases.vi.l_optional = "tùy chọn"
M.phrases.ar.l_returns = "القيمة المعادة"
M.phrases.ar.l_type = "النوع"
M.phrases.ar.l_optional = "اختياري"

-- A list of names or short phrases, said under its heading ("Compilers: gcc,
-- clang and MSVC."), by its first items and "and more" when it is long: {1} is
-- those items joined with `sep` only.
M.phrases.en.list_named = "{1}: {2}."
M.phrases.en.list_more = "{1}, and more"
M.phrases.de.list_named = "{1}: {2}."
M.phrases.de.list_more = "{1} und weitere"
M.phrases.fr.list_named = "{1} : {2}."
M.phrases.fr.list_more = "{1}, entre autres"
M.phrases.es.list_named = "{1}: {2}."
M.phrases.es.list_more = "{1} y más"
M.phrases.it.list_named = "{1}: {2}."
M.phrases.it.list_more = "{1} e altro ancora"
M.phrases.pt.list_named = "{1}: {2}."
M.phrases.pt.list_more = "{1}, entre outros"
M.phrases.nl.list_named = "{1}: {2}."
M.phrases.nl.list_more = "{1} en meer"
M.phrases.ru.list_named = "{1}: {2}."
M.phrases.ru.list_more = "{1} и другие"
M.phrases.zh.list_named = "{1}：{2}。"
M.phrases.zh.list_more = "{1}等"
M.phrases.ja.list_named = "{1}：{2}。"
M.phrases.ja.list_more = "{1}など"
M.phrases.ko.list_named = "{1}: {2}."
M.phrases.ko.list_more = "{1} 등"
M.phrases.vi.list_named = "{1}: {2}."
M.phrases.vi.list_more = "{1} và các mục khác"
M.phrases.ar.list_named = "{1}: {2}."
M.phrases.ar.list_more = "{1} وغيرها"

-- A long list of names in a summary (one slide: a few of them shown, the
-- rest counted): "Storage providers: 70 in all, among them A, B, C and D."
-- ({1} the heading, {2} how many, {3} the names said); without a heading
-- names_many_bare ({1} how many, {2} the names); l_names_more is the
-- slide's last line ({1} the names not shown), a note under its cards
-- ("+ 105 more", vg.scenes.list).
M.phrases.en.names_many = "{1}: {2} in all, among them {3}."
M.phrases.en.names_many_bare = "{1} in all, among them {2}."
M.phrases.en.l_names_more = "{1} more"
M.phrases.de.names_many = "{1}: insgesamt {2}, darunter {3}."
M.phrases.de.names_many_bare = "Insgesamt {1}, darunter {2}."
M.phrases.de.l_names_more = "{1} weitere"
M.phrases.fr.names_many = "{1} : {2} au total, dont {3}."
M.phrases.fr.names_many_bare = "{1} au total, dont {2}."
M.phrases.fr.l_names_more = "{1} autres"
M.phrases.es.names_many = "{1}: {2} en total, entre ellos {3}."
M.phrases.es.names_many_bare = "{1} en total, entre ellos {2}."
M.phrases.es.l_names_more = "{1} más"
M.phrases.it.names_many = "{1}: {2} in tutto, tra cui {3}."
M.phrases.it.names_many_bare = "{1} in tutto, tra cui {2}."
M.phrases.it.l_names_more = "altri {1}"
M.phrases.pt.names_many = "{1}: {2} no total, entre eles {3}."
M.phrases.pt.names_many_bare = "{1} no total, entre eles {2}."
M.phrases.pt.l_names_more = "mais {1}"
M.phrases.nl.names_many = "{1}: {2} in totaal, waaronder {3}."
M.phrases.nl.names_many_bare = "{1} in totaal, waaronder {2}."
M.phrases.nl.l_names_more = "nog {1}"
M.phrases.ru.names_many = "{1}: всего {2}, среди них {3}."
M.phrases.ru.names_many_bare = "Всего {1}, среди них {2}."
M.phrases.ru.l_names_more = "ещё {1}"
M.phrases.zh.names_many = "{1}：共{2}项，包括{3}。"
M.phrases.zh.names_many_bare = "共{1}项，包括{2}。"
M.phrases.zh.l_names_more = "另有{1}项"
M.phrases.ja.names_many = "{1}：全{2}件、たとえば{3}。"
M.phrases.ja.names_many_bare = "全{1}件、たとえば{2}。"
M.phrases.ja.l_names_more = "ほか{1}件"
M.phrases.ko.names_many = "{1}: 모두 {2}개, 그중 {3}."
M.phrases.ko.names_many_bare = "모두 {1}개, 그중 {2}."
M.phrases.ko.l_names_more = "외 {1}개"
M.phrases.vi.names_many = "{1}: tổng cộng {2}, trong đó có {3}."
M.phrases.vi.names_many_bare = "Tổng cộng {1}, trong đó có {2}."
M.phrases.vi.l_names_more = "{1} mục khác"
M.phrases.ar.names_many = "{1}: {2} في المجموع، منها {3}."
M.phrases.ar.names_many_bare = "{1} في المجموع، منها {2}."
M.phrases.ar.l_names_more = "{1} أخرى"

-- Chinese in traditional characters (zh-TW, zh-HK, zh-MO, zh-Hant): the
-- phrases of `zh` written as Taiwan and Hong Kong write them; the voice and
-- any phrase missing here are its parent's.
M.phrases["zh-Hant"] = {
  parent = "zh",
  agenda = "共{1}個主題：{2}。", agenda_more = "共{1}個主題，包括{2}。", api_any = "任意數量的 {1}",
  api_array = "{1} 陣列", api_more = "另外{1}個", api_optional = "可選的 {1}", api_takes = "參數：{1}。",
  api_type = "類型：{1}。", as_put_it = "正如{1}所說：", checkpoint = "檢查點。", checkpoint_n = "檢查點{1}。",
  compare = "請比較{1}和{2}。", covered = "到目前為止，我們介紹了：{1}。", diff_easy = "這是一道簡單的題。",
  diff_hard = "這是一道難題。", diff_medium = "這是一道中等難度的題。", exercise = "練習：", gives_you = "這樣你就能獲得：{1}。",
  improved = "改進後的版本", key_improvements = "主要改進：{1}。", key_points = "要點包括：{1}。", l_after = "修改後",
  l_checkpoint = "檢查點", l_continued = "續", l_difficulty = "難度", l_duration = "時長",
  l_exercise = "練習", l_objectives = "學習目標", l_optional = "可選", l_prerequisites = "先決條件",
  l_problem = "問題", l_quiz = "測驗", l_review = "複習", l_review_intro = "繼續之前，我們先來複習一下",
  l_type = "類型", l_up_next = "接下來", lesson = "在本課中，你將學習：{1}。",
  lesson_named = "在本課“{1}”中，你將學習：{2}。", more_options = "另外{1}個選項", more_options_one = "另外1個選項",
  next_topics = "接下來我們將學習：{1}。", opt_named = "{1} 選項", opts_these = "這些選項", or_last = "還是",
  or_pair = "還是", original = "原始程式碼", problem_n = "問題{1}：", quiz_time = "測驗時間。",
  remember = "請記住：{1}。", run_many = "執行這些命令即可開始", run_one = "執行這條命令即可開始",
  see_guides = "完整指南請參閱{1}。", table_columns_more = "表格還列出{1}。", take_about = "大約需要{1}。",
  thanks = "感謝觀看", transcript = "文字記錄", welcome = "歡迎觀看{1}",
}

-- Cantonese: written Chinese said by espeak-ng's Cantonese voice (which
-- reads hanzi, and Latin words in English, by itself). A phrase it lacks is
-- its parent's, Chinese in traditional characters (`parent`, then its
-- parent), then English; its own are in Cantonese.
M.phrases.yue = {
  voice = "yue", parent = "zh-Hant",
  welcome = "歡迎收睇{1}", thanks = "多謝收睇", part = "第{1}部分，共{2}部分",
  run_one = "執行呢個指令就可以開始", run_many = "執行呢啲指令就可以開始",
  gives_you = "噉樣你就會有：{1}。", key_points = "重點有：{1}。", remember = "記住：{1}。",
  sep = "、", last = "同", pair = "同", or_last = "定係", or_pair = "定係", stop = "。",
  l_note = "注意", l_tip = "提示", l_important = "重要", l_warning = "警告", l_caution = "小心",
  l_before = "改之前", l_after = "改之後", l_up_next = "跟住落嚟",
  list_more = "{1}等等", opts_these = "呢啲選項", more_options = "仲有{1}個選項",
  more_options_one = "仲有1個選項",
}

-- Languages beyond the full blocks above, each with its espeak-ng voice and
-- the phrases a video says most (welcome, thanks, lists, labels); their
-- other phrases (lessons, quizzes, comparisons) are English until someone
-- translates them (docs/inputs.md, "Language").
M.phrases.uk = {
  voice = "uk", welcome = "Ласкаво просимо: {1}", thanks = "Дякуємо за увагу", part = "Частина {1} з {2}",
  run_one = "Щоб почати, виконайте цю команду", run_many = "Щоб почати, виконайте ці команди",
  gives_you = "Це дає вам: {1}.", key_points = "Головне: {1}.", remember = "Запам’ятайте: {1}.",
  see_guides = "Докладні посібники: {1}.", sep = ", ", last = " і ", pair = " і ", or_last = " або ",
  or_pair = " або ", stop = ".", l_note = "Примітка", l_tip = "Порада", l_important = "Важливо",
  l_warning = "Попередження", l_caution = "Обережно", l_before = "До", l_after = "Після", l_up_next = "Далі",
  transcript = "Стенограма", part_n = "Частина {1}", code_example = "Приклад мовою {1}.",
  table_columns = "У таблиці: {1}.", table_more = "І ще рядків: {1}.", table_more_one = "І ще один рядок.",
  agenda = "Теми ({1}): {2}.", agenda_more = "Теми ({1}), серед них {2}.", list_named = "{1}: {2}.",
  list_more = "{1} та інші", opt_named = "параметр {1}", cmd_named = "команда {1}",
  opts_these = "ці параметри", more_options = "ще параметрів: {1}", api_more = "ще {1}",
  l_continued = "продовження",
}
M.phrases.pl = {
  voice = "pl", welcome = "Witamy: {1}", thanks = "Dziękujemy za uwagę", part = "Część {1} z {2}",
  run_one = "Aby zacząć, uruchom to polecenie", run_many = "Aby zacząć, uruchom te polecenia",
  gives_you = "Dzięki temu masz: {1}.", key_points = "Najważniejsze: {1}.", remember = "Zapamiętaj: {1}.",
  see_guides = "Pełne instrukcje: {1}.", sep = ", ", last = " i ", pair = " i ", or_last = " lub ",
  or_pair = " lub ", stop = ".", l_note = "Uwaga", l_tip = "Wskazówka", l_important = "Ważne",
  l_warning = "Ostrzeżenie", l_caution = "Ostrożnie", l_before = "Przed", l_after = "Po",
  l_up_next = "Dalej", transcript = "Transkrypcja", part_n = "Część {1}",
  code_example = "Przykład w języku {1}.", table_columns = "Tabela zawiera: {1}.",
  table_more = "I jeszcze wierszy: {1}.", table_more_one = "I jeszcze jeden wiersz.",
  agenda = "Tematy ({1}): {2}.", agenda_more = "Tematy ({1}), wśród nich {2}.", list_named = "{1}: {2}.",
  list_more = "{1} i inne", opt_named = "opcja {1}", cmd_named = "polecenie {1}", opts_these = "te opcje",
  more_options = "jeszcze opcji: {1}", api_more = "jeszcze {1}", l_continued = "ciąg dalszy",
}
M.phrases.cs = {
  voice = "cs", welcome = "Vítejte: {1}", thanks = "Děkujeme za pozornost", part = "Část {1} z {2}",
  run_one = "Začněte spuštěním tohoto příkazu", run_many = "Začněte spuštěním těchto příkazů",
  gives_you = "Získáte: {1}.", key_points = "Hlavní body: {1}.", remember = "Zapamatujte si: {1}.",
  see_guides = "Podrobné návody: {1}.", sep = ", ", last = " a ", pair = " a ", or_last = " nebo ",
  or_pair = " nebo ", stop = ".", l_note = "Poznámka", l_tip = "Tip", l_important = "Důležité",
  l_warning = "Varování", l_caution = "Pozor", l_before = "Před", l_after = "Po", l_up_next = "Dále",
  transcript = "Přepis", part_n = "Část {1}", code_example = "Příklad v jazyce {1}.",
  table_columns = "Tabulka obsahuje: {1}.", table_more = "A další řádky: {1}.",
  table_more_one = "A ještě jeden řádek.", agenda = "Témata ({1}): {2}.",
  agenda_more = "Témata ({1}), mezi nimi {2}.", list_named = "{1}: {2}.", list_more = "{1} a další",
  opt_named = "volba {1}", cmd_named = "příkaz {1}", opts_these = "tyto volby",
  more_options = "další volby: {1}", api_more = "další {1}", l_continued = "pokračování",
}
M.phrases.tr = {
  voice = "tr", welcome = "Hoş geldiniz: {1}", thanks = "İzlediğiniz için teşekkürler",
  part = "Bölüm {1} / {2}", run_one = "Başlamak için bu komutu çalıştırın",
  run_many = "Başlamak için bu komutları çalıştırın", gives_you = "Bu size şunları sağlar: {1}.",
  key_points = "Önemli noktalar: {1}.", remember = "Unutmayın: {1}.",
  see_guides = "Ayrıntılı kılavuzlar: {1}.", sep = ", ", last = " ve ", pair = " ve ", or_last = " veya ",
  or_pair = " veya ", stop = ".", l_note = "Not", l_tip = "İpucu", l_important = "Önemli",
  l_warning = "Uyarı", l_caution = "Dikkat", l_before = "Önce", l_after = "Sonra", l_up_next = "Sıradaki",
  transcript = "Döküm", part_n = "Bölüm {1}", code_example = "{1} dilinde bir örnek.",
  table_columns = "Tablo şunları gösterir: {1}.", table_more = "Ve {1} satır daha.",
  table_more_one = "Ve bir satır daha.", agenda = "{1} konu: {2}.",
  agenda_more = "{1} konu; örneğin {2}.", list_named = "{1}: {2}.", list_more = "{1} ve diğerleri",
  opt_named = "{1} seçeneği", cmd_named = "{1} komutu", opts_these = "bu seçenekler",
  more_options = "{1} seçenek daha", api_more = "{1} tane daha", l_continued = "devam",
}
M.phrases.sv = {
  voice = "sv", welcome = "Välkommen till {1}", thanks = "Tack för att du tittade", part = "Del {1} av {2}",
  run_one = "Kör det här kommandot för att komma igång",
  run_many = "Kör de här kommandona för att komma igång", gives_you = "Det ger dig: {1}.",
  key_points = "Det viktigaste: {1}.", remember = "Kom ihåg: {1}.",
  see_guides = "Fullständiga guider finns i {1}.", sep = ", ", last = " och ", pair = " och ",
  or_last = " eller ", or_pair = " eller ", stop = ".", l_note = "Obs", l_tip = "Tips",
  l_important = "Viktigt", l_warning = "Varning", l_caution = "Försiktighet", l_before = "Före",
  l_after = "Efter", l_up_next = "Härnäst", transcript = "Utskrift", part_n = "Del {1}",
  code_example = "Ett exempel i {1}.", table_columns = "Tabellen visar {1}.",
  table_more = "Och {1} rader till.", table_more_one = "Och en rad till.", agenda = "{1} ämnen: {2}.",
  agenda_more = "{1} ämnen, bland dem {2}.", list_named = "{1}: {2}.", list_more = "{1} med flera",
  opt_named = "flaggan {1}", cmd_named = "kommandot {1}", opts_these = "de här flaggorna",
  more_options = "{1} flaggor till", api_more = "{1} till", l_continued = "fortsättning",
}
M.phrases.id = {
  voice = "id", welcome = "Selamat datang di {1}", thanks = "Terima kasih telah menonton",
  part = "Bagian {1} dari {2}", run_one = "Jalankan perintah ini untuk memulai",
  run_many = "Jalankan perintah-perintah ini untuk memulai", gives_you = "Ini memberi Anda: {1}.",
  key_points = "Poin utama: {1}.", remember = "Ingat: {1}.", see_guides = "Panduan lengkap ada di {1}.",
  sep = ", ", last = ", dan ", pair = " dan ", or_last = ", atau ", or_pair = " atau ", stop = ".",
  l_note = "Catatan", l_tip = "Kiat", l_important = "Penting", l_warning = "Peringatan",
  l_caution = "Hati-hati", l_before = "Sebelum", l_after = "Sesudah", l_up_next = "Berikutnya",
  transcript = "Transkrip", part_n = "Bagian {1}", code_example = "Contoh dalam {1}.",
  table_columns = "Tabel ini menampilkan {1}.", table_more = "Dan {1} baris lagi.",
  table_more_one = "Dan satu baris lagi.", agenda = "{1} topik: {2}.",
  agenda_more = "{1} topik, di antaranya {2}.", list_named = "{1}: {2}.", list_more = "{1}, dan lainnya",
  opt_named = "opsi {1}", cmd_named = "perintah {1}", opts_these = "opsi-opsi ini",
  more_options = "{1} opsi lainnya", api_more = "{1} lainnya", l_continued = "lanjutan",
}
M.phrases.fa = {
  voice = "fa", welcome = "به {1} خوش آمدید", thanks = "از توجه شما سپاسگزاریم", part = "بخش {1} از {2}",
  run_one = "برای شروع این فرمان را اجرا کنید", run_many = "برای شروع این فرمان‌ها را اجرا کنید",
  gives_you = "این به شما می‌دهد: {1}.", key_points = "نکته‌های اصلی: {1}.",
  remember = "به یاد داشته باشید: {1}.", see_guides = "راهنمای کامل: {1}.", sep = "، ", last = " و ",
  pair = " و ", or_last = " یا ", or_pair = " یا ", stop = ".", l_note = "یادداشت", l_tip = "نکته",
  l_important = "مهم", l_warning = "هشدار", l_caution = "احتیاط", l_before = "قبل", l_after = "بعد",
  l_up_next = "بعدی", transcript = "متن گفتار", part_n = "بخش {1}", code_example = "نمونه‌ای به زبان {1}.",
  table_columns = "جدول نشان می‌دهد: {1}.", table_more = "و {1} سطر دیگر.",
  table_more_one = "و یک سطر دیگر.", agenda = "{1} موضوع: {2}.", agenda_more = "{1} موضوع، از جمله {2}.",
  list_named = "{1}: {2}.", list_more = "{1} و موارد دیگر", opt_named = "گزینه {1}", cmd_named = "فرمان {1}",
  opts_these = "این گزینه‌ها", more_options = "{1} گزینه دیگر", api_more = "{1} مورد دیگر",
  l_continued = "ادامه",
}
M.phrases.he = {
  voice = "he", welcome = "ברוכים הבאים: {1}", thanks = "תודה על הצפייה", part = "חלק {1} מתוך {2}",
  run_one = "כדי להתחיל, הריצו את הפקודה הזו", run_many = "כדי להתחיל, הריצו את הפקודות האלה",
  gives_you = "כך תקבלו: {1}.", key_points = "עיקרי הדברים: {1}.", remember = "זכרו: {1}.",
  see_guides = "מדריכים מלאים: {1}.", sep = ", ", last = " ו", pair = " ו", or_last = " או ",
  or_pair = " או ", stop = ".", l_note = "הערה", l_tip = "טיפ", l_important = "חשוב", l_warning = "אזהרה",
  l_caution = "זהירות", l_before = "לפני", l_after = "אחרי", l_up_next = "הבא", transcript = "תמליל",
  part_n = "חלק {1}", code_example = "דוגמה ב־{1}.", table_columns = "הטבלה מציגה: {1}.",
  table_more = "ועוד {1} שורות.", table_more_one = "ועוד שורה אחת.", agenda = "{1} נושאים: {2}.",
  agenda_more = "{1} נושאים, ביניהם {2}.", list_named = "{1}: {2}.", list_more = "{1} ועוד",
  opt_named = "האפשרות {1}", cmd_named = "הפקודה {1}", opts_these = "האפשרויות האלה",
  more_options = "עוד {1} אפשרויות", api_more = "עוד {1}", l_continued = "המשך",
}
M.phrases.hi = {
  voice = "hi", welcome = "{1} में आपका स्वागत है", thanks = "देखने के लिए धन्यवाद",
  part = "भाग {1}, कुल {2}", run_one = "शुरू करने के लिए यह कमांड चलाएँ",
  run_many = "शुरू करने के लिए ये कमांड चलाएँ", gives_you = "इससे आपको मिलता है: {1}।",
  key_points = "मुख्य बातें: {1}।", remember = "याद रखें: {1}।",
  see_guides = "पूरी जानकारी के लिए देखें: {1}।", sep = ", ", last = " और ", pair = " और ", or_last = " या ",
  or_pair = " या ", stop = "।", l_note = "नोट", l_tip = "सुझाव", l_important = "महत्वपूर्ण",
  l_warning = "चेतावनी", l_caution = "सावधानी", l_before = "पहले", l_after = "बाद में", l_up_next = "आगे",
  transcript = "प्रतिलेख", part_n = "भाग {1}", code_example = "{1} में एक उदाहरण।",
  table_columns = "तालिका में: {1}।", table_more = "और {1} पंक्तियाँ।", table_more_one = "और एक पंक्ति।",
  agenda = "{1} विषय: {2}।", agenda_more = "{1} विषय, जिनमें {2} शामिल हैं।", list_named = "{1}: {2}।",
  list_more = "{1} और अन्य", opt_named = "{1} विकल्प", cmd_named = "{1} कमांड", opts_these = "ये विकल्प",
  more_options = "और {1} विकल्प", api_more = "और {1}", l_continued = "जारी",
}

M.phrases.ro = {
  voice = "ro", welcome = "Bun venit: {1}", thanks = "Vă mulțumim pentru atenție",
  part = "Partea {1} din {2}", run_one = "Pentru a începe, rulați această comandă",
  run_many = "Pentru a începe, rulați aceste comenzi", gives_you = "Obțineți: {1}.",
  key_points = "Pe scurt: {1}.", remember = "Rețineți: {1}.", see_guides = "Ghiduri complete: {1}.",
  sep = ", ", last = " și ", pair = " și ", or_last = " sau ", or_pair = " sau ", stop = ".",
  l_note = "Notă", l_tip = "Sfat", l_important = "Important", l_warning = "Avertisment",
  l_caution = "Atenție", l_before = "Înainte", l_after = "După", l_up_next = "Urmează",
  transcript = "Transcriere", part_n = "Partea {1}", code_example = "Un exemplu în {1}.",
  table_columns = "Tabelul arată {1}.", table_more = "Și alte rânduri: {1}.",
  table_more_one = "Și încă un rând.", agenda = "Subiecte ({1}): {2}.",
  agenda_more = "Subiecte ({1}), printre care {2}.", list_named = "{1}: {2}.", list_more = "{1} și altele",
  opt_named = "opțiunea {1}", cmd_named = "comanda {1}", opts_these = "aceste opțiuni",
  more_options = "alte opțiuni: {1}", api_more = "încă {1}", l_continued = "continuare",
}
M.phrases.da = {
  voice = "da", welcome = "Velkommen til {1}", thanks = "Tak fordi du så med", part = "Del {1} af {2}",
  run_one = "Kør denne kommando for at komme i gang", run_many = "Kør disse kommandoer for at komme i gang",
  gives_you = "Det giver dig: {1}.", key_points = "Det vigtigste: {1}.", remember = "Husk: {1}.",
  see_guides = "Fulde vejledninger findes i {1}.", sep = ", ", last = " og ", pair = " og ",
  or_last = " eller ", or_pair = " eller ", stop = ".", l_note = "Bemærk", l_tip = "Tip",
  l_important = "Vigtigt", l_warning = "Advarsel", l_caution = "Forsigtig", l_before = "Før",
  l_after = "Efter", l_up_next = "Næste", transcript = "Udskrift", part_n = "Del {1}",
  code_example = "Et eksempel i {1}.", table_columns = "Tabellen viser {1}.",
  table_more = "Og {1} rækker mere.", table_more_one = "Og én række mere.", agenda = "{1} emner: {2}.",
  agenda_more = "{1} emner, blandt andet {2}.", list_named = "{1}: {2}.", list_more = "{1} med flere",
  opt_named = "tilvalget {1}", cmd_named = "kommandoen {1}", opts_these = "disse tilvalg",
  more_options = "{1} tilvalg mere", api_more = "{1} mere", l_continued = "fortsat",
}
M.phrases.nb = {
  voice = "nb", welcome = "Velkommen til {1}", thanks = "Takk for at du så på", part = "Del {1} av {2}",
  run_one = "Kjør denne kommandoen for å komme i gang",
  run_many = "Kjør disse kommandoene for å komme i gang", gives_you = "Det gir deg: {1}.",
  key_points = "Det viktigste: {1}.", remember = "Husk: {1}.",
  see_guides = "Fullstendige veiledninger finnes i {1}.", sep = ", ", last = " og ", pair = " og ",
  or_last = " eller ", or_pair = " eller ", stop = ".", l_note = "Merk", l_tip = "Tips",
  l_important = "Viktig", l_warning = "Advarsel", l_caution = "Forsiktig", l_before = "Før",
  l_after = "Etter", l_up_next = "Neste", transcript = "Transkripsjon", part_n = "Del {1}",
  code_example = "Et eksempel i {1}.", table_columns = "Tabellen viser {1}.",
  table_more = "Og {1} rader til.", table_more_one = "Og én rad til.", agenda = "{1} emner: {2}.",
  agenda_more = "{1} emner, blant annet {2}.", list_named = "{1}: {2}.", list_more = "{1} med flere",
  opt_named = "valget {1}", cmd_named = "kommandoen {1}", opts_these = "disse valgene",
  more_options = "{1} valg til", api_more = "{1} til", l_continued = "fortsettelse",
}
M.phrases.fi = {
  voice = "fi", welcome = "Tervetuloa: {1}", thanks = "Kiitos katsomisesta", part = "Osa {1}/{2}",
  run_one = "Aloita suorittamalla tämä komento", run_many = "Aloita suorittamalla nämä komennot",
  gives_you = "Saat: {1}.", key_points = "Tärkeimmät kohdat: {1}.", remember = "Muista: {1}.",
  see_guides = "Täydelliset ohjeet: {1}.", sep = ", ", last = " ja ", pair = " ja ", or_last = " tai ",
  or_pair = " tai ", stop = ".", l_note = "Huomautus", l_tip = "Vinkki", l_important = "Tärkeää",
  l_warning = "Varoitus", l_caution = "Varo", l_before = "Ennen", l_after = "Jälkeen",
  l_up_next = "Seuraavaksi", transcript = "Litterointi", part_n = "Osa {1}",
  code_example = "Esimerkki kielellä {1}.", table_columns = "Taulukossa: {1}.",
  table_more = "Ja {1} riviä lisää.", table_more_one = "Ja yksi rivi lisää.", agenda = "{1} aihetta: {2}.",
  agenda_more = "{1} aihetta, muun muassa {2}.", list_named = "{1}: {2}.", list_more = "{1} ja muita",
  opt_named = "valitsin {1}", cmd_named = "komento {1}", opts_these = "nämä valitsimet",
  more_options = "{1} valitsinta lisää", api_more = "{1} lisää", l_continued = "jatkoa",
}
M.phrases.hu = {
  voice = "hu", welcome = "Üdvözöljük: {1}", thanks = "Köszönjük a figyelmet",
  part = "{1}. rész, összesen {2}", run_one = "A kezdéshez futtassa ezt a parancsot",
  run_many = "A kezdéshez futtassa ezeket a parancsokat", gives_you = "Ezt kapja: {1}.",
  key_points = "A lényeg: {1}.", remember = "Ne feledje: {1}.", see_guides = "Részletes útmutatók: {1}.",
  sep = ", ", last = " és ", pair = " és ", or_last = " vagy ", or_pair = " vagy ", stop = ".",
  l_note = "Megjegyzés", l_tip = "Tipp", l_important = "Fontos", l_warning = "Figyelmeztetés",
  l_caution = "Vigyázat", l_before = "Előtte", l_after = "Utána", l_up_next = "Következik",
  transcript = "Átirat", part_n = "{1}. rész", code_example = "Egy példa {1} nyelven.",
  table_columns = "A táblázat tartalma: {1}.", table_more = "És még {1} sor.",
  table_more_one = "És még egy sor.", agenda = "{1} téma: {2}.", agenda_more = "{1} téma, köztük {2}.",
  list_named = "{1}: {2}.", list_more = "{1} és mások", opt_named = "{1} kapcsoló",
  cmd_named = "{1} parancs", opts_these = "ezek a kapcsolók", more_options = "még {1} kapcsoló",
  api_more = "még {1}", l_continued = "folytatás",
}
M.phrases.sk = {
  voice = "sk", welcome = "Vitajte: {1}", thanks = "Ďakujeme za pozornosť", part = "Časť {1} z {2}",
  run_one = "Začnite spustením tohto príkazu", run_many = "Začnite spustením týchto príkazov",
  gives_you = "Získate: {1}.", key_points = "Hlavné body: {1}.", remember = "Zapamätajte si: {1}.",
  see_guides = "Podrobné návody: {1}.", sep = ", ", last = " a ", pair = " a ", or_last = " alebo ",
  or_pair = " alebo ", stop = ".", l_note = "Poznámka", l_tip = "Tip", l_important = "Dôležité",
  l_warning = "Varovanie", l_caution = "Pozor", l_before = "Pred", l_after = "Po", l_up_next = "Ďalej",
  transcript = "Prepis", part_n = "Časť {1}", code_example = "Príklad v jazyku {1}.",
  table_columns = "Tabuľka obsahuje: {1}.", table_more = "A ďalšie riadky: {1}.",
  table_more_one = "A ešte jeden riadok.", agenda = "Témy ({1}): {2}.",
  agenda_more = "Témy ({1}), medzi nimi {2}.", list_named = "{1}: {2}.", list_more = "{1} a ďalšie",
  opt_named = "voľba {1}", cmd_named = "príkaz {1}", opts_these = "tieto voľby",
  more_options = "ďalšie voľby: {1}", api_more = "ďalšie {1}", l_continued = "pokračovanie",
}
M.phrases.eu = {
  voice = "eu", welcome = "Ongi etorri: {1}", thanks = "Eskerrik asko ikusteagatik", part = "{1}. zatia ({2} guztira)",
  run_one = "Hasteko, exekutatu komando hau", run_many = "Hasteko, exekutatu komando hauek",
  gives_you = "Honek ematen dizu: {1}.", key_points = "Gako nagusiak: {1}.", remember = "Gogoratu: {1}.",
  sep = ", ", last = " eta ", pair = " eta ", or_last = " edo ", or_pair = " edo ", stop = ".",
  l_note = "Oharra", l_tip = "Aholkua", l_important = "Garrantzitsua", l_warning = "Abisua", l_caution = "Kontuz",
  l_before = "Aurretik", l_after = "Ondoren", l_up_next = "Hurrengoa", part_n = "{1}. zatia",
  code_example = "Adibide bat, {1} lengoaian.", table_columns = "Taulak erakusten du: {1}.",
  agenda = "{1} gai: {2}.", agenda_more = "{1} gai, besteak beste {2}.", list_named = "{1}: {2}.",
  list_more = "{1} eta beste", opt_named = "{1} aukera", cmd_named = "{1} komandoa", opts_these = "aukera hauek",
  more_options = "beste {1} aukera", more_options_one = "beste aukera bat", l_continued = "jarraipena",
}
M.phrases.ca = {
  voice = "ca", welcome = "Benvinguts a {1}", thanks = "Gràcies per la vostra atenció", part = "Part {1} de {2}",
  run_one = "Executeu aquesta ordre per començar", run_many = "Executeu aquestes ordres per començar",
  gives_you = "Això us dona: {1}.", key_points = "Punts clau: {1}.", remember = "Recordeu: {1}.",
  see_guides = "Trobareu guies completes a {1}.", sep = ", ", last = " i ", pair = " i ", or_last = " o ",
  or_pair = " o ", stop = ".", l_note = "Nota", l_tip = "Consell", l_important = "Important",
  l_warning = "Avís", l_caution = "Precaució", l_before = "Abans", l_after = "Després",
  l_up_next = "A continuació", transcript = "Transcripció", part_n = "Part {1}",
  code_example = "Un exemple en {1}.", table_columns = "La taula mostra {1}.",
  table_more = "I {1} files més.", table_more_one = "I una fila més.", agenda = "{1} temes: {2}.",
  agenda_more = "{1} temes, entre els quals {2}.", list_named = "{1}: {2}.", list_more = "{1} i altres",
  opt_named = "opció {1}", cmd_named = "ordre {1}", opts_these = "aquestes opcions",
  more_options = "{1} opcions més", api_more = "{1} més", l_continued = "continuació",
}
M.phrases.hr = {
  voice = "hr", welcome = "Dobro došli: {1}", thanks = "Hvala na pažnji", part = "Dio {1} od {2}",
  run_one = "Za početak pokrenite ovu naredbu", run_many = "Za početak pokrenite ove naredbe",
  gives_you = "Dobivate: {1}.", key_points = "Glavne točke: {1}.", remember = "Zapamtite: {1}.",
  see_guides = "Potpune upute: {1}.", sep = ", ", last = " i ", pair = " i ", or_last = " ili ",
  or_pair = " ili ", stop = ".", l_note = "Napomena", l_tip = "Savjet", l_important = "Važno",
  l_warning = "Upozorenje", l_caution = "Oprez", l_before = "Prije", l_after = "Poslije",
  l_up_next = "Slijedi", transcript = "Prijepis", part_n = "Dio {1}", code_example = "Primjer u jeziku {1}.",
  table_columns = "Tablica prikazuje: {1}.", table_more = "I još redaka: {1}.",
  table_more_one = "I još jedan redak.", agenda = "Teme ({1}): {2}.",
  agenda_more = "Teme ({1}), među njima {2}.", list_named = "{1}: {2}.", list_more = "{1} i drugi",
  opt_named = "opcija {1}", cmd_named = "naredba {1}", opts_these = "ove opcije",
  more_options = "još opcija: {1}", api_more = "još {1}", l_continued = "nastavak",
}
M.phrases.sl = {
  voice = "sl", welcome = "Dobrodošli: {1}", thanks = "Hvala za pozornost", part = "Del {1} od {2}",
  run_one = "Za začetek zaženite ta ukaz", run_many = "Za začetek zaženite te ukaze",
  gives_you = "Dobite: {1}.", key_points = "Glavne točke: {1}.", remember = "Zapomnite si: {1}.",
  see_guides = "Podrobna navodila: {1}.", sep = ", ", last = " in ", pair = " in ", or_last = " ali ",
  or_pair = " ali ", stop = ".", l_note = "Opomba", l_tip = "Nasvet", l_important = "Pomembno",
  l_warning = "Opozorilo", l_caution = "Previdno", l_before = "Prej", l_after = "Potem", l_up_next = "Sledi",
  transcript = "Prepis", part_n = "Del {1}", code_example = "Primer v jeziku {1}.",
  table_columns = "Tabela prikazuje: {1}.", table_more = "In še vrstice: {1}.",
  table_more_one = "In še ena vrstica.", agenda = "Teme ({1}): {2}.",
  agenda_more = "Teme ({1}), med njimi {2}.", list_named = "{1}: {2}.", list_more = "{1} in drugi",
  opt_named = "možnost {1}", cmd_named = "ukaz {1}", opts_these = "te možnosti",
  more_options = "še možnosti: {1}", api_more = "še {1}", l_continued = "nadaljevanje",
}
M.phrases.sr = {
  voice = "sr", welcome = "Добро дошли: {1}", thanks = "Хвала на пажњи", part = "Део {1} од {2}",
  run_one = "За почетак покрените ову наредбу", run_many = "За почетак покрените ове наредбе",
  gives_you = "Добијате: {1}.", key_points = "Главне тачке: {1}.", remember = "Запамтите: {1}.",
  see_guides = "Потпуна упутства: {1}.", sep = ", ", last = " и ", pair = " и ", or_last = " или ",
  or_pair = " или ", stop = ".", l_note = "Напомена", l_tip = "Савет", l_important = "Важно",
  l_warning = "Упозорење", l_caution = "Опрез", l_before = "Пре", l_after = "После", l_up_next = "Следи",
  transcript = "Транскрипт", part_n = "Део {1}", code_example = "Пример на језику {1}.",
  table_columns = "Табела приказује: {1}.", table_more = "И још редова: {1}.",
  table_more_one = "И још један ред.", agenda = "Теме ({1}): {2}.",
  agenda_more = "Теме ({1}), међу њима {2}.", list_named = "{1}: {2}.", list_more = "{1} и други",
  opt_named = "опција {1}", cmd_named = "наредба {1}", opts_these = "ове опције",
  more_options = "још опција: {1}", api_more = "још {1}", l_continued = "наставак",
}
M.phrases.bg = {
  voice = "bg", welcome = "Добре дошли: {1}", thanks = "Благодарим за вниманието", part = "Част {1} от {2}",
  run_one = "За да започнете, изпълнете тази команда", run_many = "За да започнете, изпълнете тези команди",
  gives_you = "Това ви дава: {1}.", key_points = "Основното: {1}.", remember = "Запомнете: {1}.",
  see_guides = "Подробни ръководства: {1}.", sep = ", ", last = " и ", pair = " и ", or_last = " или ",
  or_pair = " или ", stop = ".", l_note = "Бележка", l_tip = "Съвет", l_important = "Важно",
  l_warning = "Предупреждение", l_caution = "Внимание", l_before = "Преди", l_after = "След",
  l_up_next = "Следва", transcript = "Препис", part_n = "Част {1}", code_example = "Пример на {1}.",
  table_columns = "В таблицата: {1}.", table_more = "И още редове: {1}.", table_more_one = "И още един ред.",
  agenda = "Теми ({1}): {2}.", agenda_more = "Теми ({1}), сред тях {2}.", list_named = "{1}: {2}.",
  list_more = "{1} и други", opt_named = "опцията {1}", cmd_named = "командата {1}",
  opts_these = "тези опции", more_options = "още опции: {1}", api_more = "още {1}",
  l_continued = "продължение",
}
M.phrases.el = {
  voice = "el", welcome = "Καλώς ήρθατε: {1}", thanks = "Ευχαριστούμε που παρακολουθήσατε",
  part = "Μέρος {1} από {2}", run_one = "Για να ξεκινήσετε, εκτελέστε αυτή την εντολή",
  run_many = "Για να ξεκινήσετε, εκτελέστε αυτές τις εντολές", gives_you = "Αυτό σας δίνει: {1}.",
  key_points = "Τα βασικά σημεία: {1}.", remember = "Θυμηθείτε: {1}.",
  see_guides = "Πλήρεις οδηγούς θα βρείτε στο {1}.", sep = ", ", last = " και ", pair = " και ",
  or_last = " ή ", or_pair = " ή ", stop = ".", l_note = "Σημείωση", l_tip = "Συμβουλή",
  l_important = "Σημαντικό", l_warning = "Προειδοποίηση", l_caution = "Προσοχή", l_before = "Πριν",
  l_after = "Μετά", l_up_next = "Ακολουθεί", transcript = "Απομαγνητοφώνηση", part_n = "Μέρος {1}",
  code_example = "Ένα παράδειγμα σε {1}.", table_columns = "Ο πίνακας δείχνει: {1}.",
  table_more = "Και άλλες {1} γραμμές.", table_more_one = "Και μία ακόμη γραμμή.",
  agenda = "{1} θέματα: {2}.", agenda_more = "{1} θέματα, μεταξύ των οποίων {2}.", list_named = "{1}: {2}.",
  list_more = "{1} και άλλα", opt_named = "επιλογή {1}", cmd_named = "εντολή {1}",
  opts_these = "αυτές τις επιλογές", more_options = "άλλες {1} επιλογές", api_more = "άλλα {1}",
  l_continued = "συνέχεια",
}

-- Languages espeak-ng speaks whose documents are common enough to have their
-- own words for the phrases a video says most (the rest is M.neutral's).
M.phrases.th = {
  voice = "th", welcome = "ยินดีต้อนรับสู่ {1}", thanks = "ขอบคุณที่รับชม", part = "ตอนที่ {1} จาก {2}",
  run_one = "เรียกใช้คำสั่งนี้เพื่อเริ่มต้น", run_many = "เรียกใช้คำสั่งเหล่านี้เพื่อเริ่มต้น",
  gives_you = "สิ่งที่คุณจะได้รับ: {1}.", key_points = "ประเด็นสำคัญ: {1}.", remember = "อย่าลืม: {1}.",
  see_guides = "ดูคู่มือฉบับเต็มได้ที่ {1}.", sep = ", ", last = " และ ", pair = " และ ", or_last = " หรือ ",
  or_pair = " หรือ ", stop = ".", l_note = "หมายเหตุ", l_tip = "เคล็ดลับ", l_important = "สำคัญ",
  l_warning = "คำเตือน", l_caution = "ข้อควรระวัง", l_before = "ก่อน", l_after = "หลัง", l_up_next = "ถัดไป",
  transcript = "บทถอดความ", part_n = "ตอนที่ {1}", code_example = "ตัวอย่างภาษา {1}.",
  table_columns = "ตารางแสดง: {1}.", table_more = "และอีก {1} แถว.", table_more_one = "และอีกหนึ่งแถว.",
  agenda = "{1} หัวข้อ: {2}.", agenda_more = "{1} หัวข้อ ได้แก่ {2}.", list_named = "{1}: {2}.",
  list_more = "{1} และอื่น ๆ", opt_named = "ตัวเลือก {1}", cmd_named = "คำสั่ง {1}",
  opts_these = "ตัวเลือกเหล่านี้", more_options = "ตัวเลือกอื่นอีก {1} รายการ",
  more_options_one = "ตัวเลือกอื่นอีก 1 รายการ", api_more = "อีก {1}", l_continued = "ต่อ",
  as_put_it = "{1} กล่าวไว้ว่า:",
}
M.phrases.bn = {
  voice = "bn", welcome = "{1}-এ স্বাগতম", thanks = "দেখার জন্য ধন্যবাদ", part = "পর্ব {1}, মোট {2}",
  run_one = "শুরু করতে এই কমান্ডটি চালান", run_many = "শুরু করতে এই কমান্ডগুলো চালান",
  gives_you = "এতে আপনি পাবেন: {1}।", key_points = "মূল বিষয়: {1}।", remember = "মনে রাখবেন: {1}।",
  see_guides = "বিস্তারিত নির্দেশিকার জন্য দেখুন: {1}।", sep = ", ", last = " এবং ", pair = " এবং ",
  or_last = " অথবা ", or_pair = " অথবা ", stop = "।", l_note = "নোট", l_tip = "পরামর্শ",
  l_important = "গুরুত্বপূর্ণ", l_warning = "সতর্কতা", l_caution = "সাবধান", l_before = "আগে", l_after = "পরে",
  l_up_next = "এরপর", transcript = "প্রতিলিপি", part_n = "পর্ব {1}", code_example = "{1}-এ একটি উদাহরণ।",
  table_columns = "সারণিতে আছে: {1}।", table_more = "আরও {1}টি সারি।", table_more_one = "আরও একটি সারি।",
  agenda = "{1}টি বিষয়: {2}।", agenda_more = "{1}টি বিষয়, যার মধ্যে {2}।", list_named = "{1}: {2}।",
  list_more = "{1} এবং আরও", opt_named = "{1} অপশন", cmd_named = "{1} কমান্ড", opts_these = "এই অপশনগুলো",
  more_options = "আরও {1}টি অপশন", more_options_one = "আরও একটি অপশন", api_more = "আরও {1}",
  l_continued = "পূর্বানুবৃত্তি", as_put_it = "{1} যেমন বলেছেন:",
}
M.phrases.ta = {
  voice = "ta", welcome = "{1} உங்களை வரவேற்கிறது", thanks = "பார்த்தமைக்கு நன்றி", part = "பகுதி {1} / {2}",
  run_one = "தொடங்க இந்தக் கட்டளையை இயக்கவும்", run_many = "தொடங்க இந்தக் கட்டளைகளை இயக்கவும்",
  gives_you = "இதன் மூலம் கிடைப்பது: {1}.", key_points = "முக்கிய அம்சங்கள்: {1}.", remember = "நினைவில் கொள்க: {1}.",
  see_guides = "முழு வழிகாட்டிகளுக்கு: {1}.", sep = ", ", last = " மற்றும் ", pair = " மற்றும் ",
  or_last = " அல்லது ", or_pair = " அல்லது ", stop = ".", l_note = "குறிப்பு", l_tip = "உதவிக்குறிப்பு",
  l_important = "முக்கியம்", l_warning = "எச்சரிக்கை", l_caution = "கவனம்", l_before = "முன்", l_after = "பின்",
  l_up_next = "அடுத்து", transcript = "எழுத்துப்படி", part_n = "பகுதி {1}", code_example = "{1} உதாரணம்.",
  table_columns = "அட்டவணையில்: {1}.", table_more = "மேலும் {1} வரிசைகள்.", table_more_one = "மேலும் ஒரு வரிசை.",
  agenda = "{1} தலைப்புகள்: {2}.", agenda_more = "{1} தலைப்புகள், அவற்றில் {2}.", list_named = "{1}: {2}.",
  list_more = "{1} மற்றும் பல", opt_named = "{1} விருப்பம்", cmd_named = "{1} கட்டளை",
  opts_these = "இந்த விருப்பங்கள்", more_options = "மேலும் {1} விருப்பங்கள்", more_options_one = "மேலும் ஒரு விருப்பம்",
  api_more = "மேலும் {1}", l_continued = "தொடர்ச்சி", as_put_it = "{1} கூறியது போல:",
}
M.phrases.ur = {
  voice = "ur", welcome = "{1} میں خوش آمدید", thanks = "دیکھنے کا شکریہ", part = "حصہ {1} از {2}",
  run_one = "شروع کرنے کے لیے یہ کمانڈ چلائیں", run_many = "شروع کرنے کے لیے یہ کمانڈز چلائیں",
  gives_you = "اس سے آپ کو ملتا ہے: {1}۔", key_points = "اہم نکات: {1}۔", remember = "یاد رکھیں: {1}۔",
  see_guides = "مکمل رہنمائی کے لیے دیکھیں: {1}۔", sep = "، ", last = " اور ", pair = " اور ", or_last = " یا ",
  or_pair = " یا ", stop = "۔", l_note = "نوٹ", l_tip = "مشورہ", l_important = "اہم", l_warning = "انتباہ",
  l_caution = "احتیاط", l_before = "پہلے", l_after = "بعد میں", l_up_next = "اگلا", transcript = "تحریری متن",
  part_n = "حصہ {1}", code_example = "{1} میں ایک مثال۔", table_columns = "جدول میں: {1}۔",
  table_more = "اور {1} قطاریں۔", table_more_one = "اور ایک قطار۔", agenda = "{1} موضوعات: {2}۔",
  agenda_more = "{1} موضوعات، جن میں {2}۔", list_named = "{1}: {2}۔", list_more = "{1} اور دیگر",
  opt_named = "{1} آپشن", cmd_named = "{1} کمانڈ", opts_these = "یہ آپشنز", more_options = "مزید {1} آپشنز",
  more_options_one = "ایک اور آپشن", api_more = "مزید {1}", l_continued = "جاری", as_put_it = "بقول {1}:",
}
M.phrases.ne = {
  voice = "ne", welcome = "{1} मा स्वागत छ", thanks = "हेर्नुभएकोमा धन्यवाद", part = "भाग {1}, जम्मा {2}",
  run_one = "सुरु गर्न यो कमाण्ड चलाउनुहोस्", run_many = "सुरु गर्न यी कमाण्डहरू चलाउनुहोस्",
  gives_you = "यसबाट तपाईंलाई मिल्छ: {1}।", key_points = "मुख्य कुराहरू: {1}।", remember = "सम्झनुहोस्: {1}।",
  see_guides = "पूरा जानकारीका लागि हेर्नुहोस्: {1}।", sep = ", ", last = " र ", pair = " र ", or_last = " वा ",
  or_pair = " वा ", stop = "।", l_note = "टिप्पणी", l_tip = "सुझाव", l_important = "महत्त्वपूर्ण",
  l_warning = "चेतावनी", l_caution = "सावधानी", l_before = "पहिले", l_after = "पछि", l_up_next = "अर्को",
  transcript = "प्रतिलिपि", part_n = "भाग {1}", code_example = "{1} मा एउटा उदाहरण।",
  table_columns = "तालिकामा: {1}।", table_more = "थप {1} पङ्क्तिहरू।", table_more_one = "थप एउटा पङ्क्ति।",
  agenda = "{1} विषय: {2}।", agenda_more = "{1} विषय, जसमा {2}।", list_named = "{1}: {2}।",
  list_more = "{1} र अन्य", opt_named = "{1} विकल्प", cmd_named = "{1} कमाण्ड", opts_these = "यी विकल्पहरू",
  more_options = "थप {1} विकल्पहरू", more_options_one = "थप एउटा विकल्प", api_more = "थप {1}",
  l_continued = "जारी", as_put_it = "{1} को शब्दमा:",
}
M.phrases.mr = {
  voice = "mr", welcome = "{1} मध्ये आपले स्वागत आहे", thanks = "पाहिल्याबद्दल धन्यवाद", part = "भाग {1}, एकूण {2}",
  run_one = "सुरू करण्यासाठी ही कमांड चालवा", run_many = "सुरू करण्यासाठी या कमांड चालवा",
  gives_you = "यातून तुम्हाला मिळते: {1}.", key_points = "मुख्य मुद्दे: {1}.", remember = "लक्षात ठेवा: {1}.",
  see_guides = "संपूर्ण मार्गदर्शनासाठी पहा: {1}.", sep = ", ", last = " आणि ", pair = " आणि ", or_last = " किंवा ",
  or_pair = " किंवा ", stop = ".", l_note = "टीप", l_tip = "सूचना", l_important = "महत्त्वाचे",
  l_warning = "इशारा", l_caution = "सावधान", l_before = "आधी", l_after = "नंतर", l_up_next = "पुढे",
  transcript = "प्रतिलेख", part_n = "भाग {1}", code_example = "{1} मधील एक उदाहरण.",
  table_columns = "तक्त्यात: {1}.", table_more = "आणखी {1} ओळी.", table_more_one = "आणखी एक ओळ.",
  agenda = "{1} विषय: {2}.", agenda_more = "{1} विषय, त्यापैकी {2}.", list_named = "{1}: {2}.",
  list_more = "{1} आणि इतर", opt_named = "{1} पर्याय", cmd_named = "{1} कमांड", opts_these = "हे पर्याय",
  more_options = "आणखी {1} पर्याय", more_options_one = "आणखी एक पर्याय", api_more = "आणखी {1}",
  l_continued = "पुढे चालू", as_put_it = "{1} यांच्या शब्दांत:",
}
M.phrases.si = {
  voice = "si", welcome = "{1} වෙත සාදරයෙන් පිළිගනිමු", thanks = "නැරඹීම ගැන ස්තූතියි", part = "{2} න් {1} වන කොටස",
  run_one = "ආරම්භ කිරීමට මෙම විධානය ක්‍රියාත්මක කරන්න", run_many = "ආරම්භ කිරීමට මෙම විධාන ක්‍රියාත්මක කරන්න",
  gives_you = "මෙයින් ඔබට ලැබෙන්නේ: {1}.", key_points = "ප්‍රධාන කරුණු: {1}.", remember = "මතක තබා ගන්න: {1}.",
  see_guides = "සම්පූර්ණ මාර්ගෝපදේශ සඳහා බලන්න: {1}.", sep = ", ", last = " සහ ", pair = " සහ ", or_last = " හෝ ",
  or_pair = " හෝ ", stop = ".", l_note = "සටහන", l_tip = "ඉඟිය", l_important = "වැදගත්", l_warning = "අවවාදය",
  l_caution = "ප්‍රවේශම් වන්න", l_before = "පෙර", l_after = "පසු", l_up_next = "ඊළඟට", transcript = "පිටපත",
  part_n = "කොටස {1}", code_example = "{1} උදාහරණයක්.", table_columns = "වගුවේ ඇත්තේ: {1}.",
  table_more = "තවත් පේළි {1}.", table_more_one = "තවත් එක් පේළියක්.", agenda = "මාතෘකා {1}: {2}.",
  agenda_more = "මාතෘකා {1}, ඒ අතර {2}.", list_named = "{1}: {2}.", list_more = "{1} සහ තවත්",
  opt_named = "{1} විකල්පය", cmd_named = "{1} විධානය", opts_these = "මෙම විකල්ප", more_options = "තවත් විකල්ප {1}",
  more_options_one = "තවත් එක් විකල්පයක්", api_more = "තවත් {1}", l_continued = "ඉතිරි කොටස",
  as_put_it = "{1} පැවසූ පරිදි:",
}
M.phrases.ms = {
  voice = "ms", welcome = "Selamat datang ke {1}", thanks = "Terima kasih kerana menonton", part = "Bahagian {1} daripada {2}",
  run_one = "Jalankan arahan ini untuk bermula", run_many = "Jalankan arahan-arahan ini untuk bermula",
  gives_you = "Ini memberi anda {1}.", key_points = "Perkara utama: {1}.", remember = "Ingat: {1}.",
  see_guides = "Lihat {1} untuk panduan lengkap.", sep = ", ", last = " dan ", pair = " dan ", or_last = " atau ",
  or_pair = " atau ", stop = ".", l_note = "Nota", l_tip = "Petua", l_important = "Penting", l_warning = "Amaran",
  l_caution = "Awas", l_before = "Sebelum", l_after = "Selepas", l_up_next = "Seterusnya", transcript = "Transkrip",
  part_n = "Bahagian {1}", code_example = "Contoh dalam {1}.", table_columns = "Jadual ini menunjukkan {1}.",
  table_more = "Dan {1} baris lagi.", table_more_one = "Dan satu baris lagi.", agenda = "{1} topik: {2}.",
  agenda_more = "{1} topik, antaranya {2}.", list_named = "{1}: {2}.", list_more = "{1} dan lain-lain",
  opt_named = "pilihan {1}", cmd_named = "arahan {1}", opts_these = "pilihan-pilihan ini",
  more_options = "{1} pilihan lagi", more_options_one = "1 pilihan lagi", api_more = "{1} lagi",
  l_continued = "sambungan", as_put_it = "Seperti kata {1}:",
}
M.phrases.sw = {
  voice = "sw", welcome = "Karibu {1}", thanks = "Asante kwa kutazama", part = "Sehemu ya {1} kati ya {2}",
  run_one = "Endesha amri hii ili kuanza", run_many = "Endesha amri hizi ili kuanza",
  gives_you = "Hii inakupa {1}.", key_points = "Mambo muhimu: {1}.", remember = "Kumbuka: {1}.",
  see_guides = "Tazama {1} kwa maelekezo kamili.", sep = ", ", last = " na ", pair = " na ", or_last = " au ",
  or_pair = " au ", stop = ".", l_note = "Kumbuka", l_tip = "Dokezo", l_important = "Muhimu", l_warning = "Onyo",
  l_caution = "Tahadhari", l_before = "Kabla", l_after = "Baadaye", l_up_next = "Ifuatayo", transcript = "Nakala",
  part_n = "Sehemu ya {1}", code_example = "Mfano katika {1}.", table_columns = "Jedwali linaonyesha {1}.",
  table_more = "Na safu {1} zaidi.", table_more_one = "Na safu moja zaidi.", agenda = "Mada {1}: {2}.",
  agenda_more = "Mada {1}, zikiwemo {2}.", list_named = "{1}: {2}.", list_more = "{1} na mengineyo",
  opt_named = "chaguo {1}", cmd_named = "amri {1}", opts_these = "machaguo haya", more_options = "machaguo {1} zaidi",
  more_options_one = "chaguo 1 zaidi", api_more = "{1} zaidi", l_continued = "inaendelea", as_put_it = "Kama {1} alivyosema:",
}
M.phrases.af = {
  voice = "af", welcome = "Welkom by {1}", thanks = "Dankie dat u gekyk het", part = "Deel {1} van {2}",
  run_one = "Voer hierdie opdrag uit om te begin", run_many = "Voer hierdie opdragte uit om te begin",
  gives_you = "Dit gee u {1}.", key_points = "Die belangrikste punte: {1}.", remember = "Onthou: {1}.",
  see_guides = "Sien {1} vir volledige gidse.", sep = ", ", last = " en ", pair = " en ", or_last = " of ",
  or_pair = " of ", stop = ".", l_note = "Nota", l_tip = "Wenk", l_important = "Belangrik", l_warning = "Waarskuwing",
  l_caution = "Versigtig", l_before = "Voor", l_after = "Na", l_up_next = "Volgende", transcript = "Transkripsie",
  part_n = "Deel {1}", code_example = "'n Voorbeeld in {1}.", table_columns = "Die tabel wys {1}.",
  table_more = "En nog {1} rye.", table_more_one = "En nog een ry.", agenda = "{1} onderwerpe: {2}.",
  agenda_more = "{1} onderwerpe, onder andere {2}.", list_named = "{1}: {2}.", list_more = "{1} en meer",
  opt_named = "opsie {1}", cmd_named = "opdrag {1}", opts_these = "hierdie opsies", more_options = "nog {1} opsies",
  more_options_one = "nog een opsie", api_more = "nog {1}", l_continued = "vervolg", as_put_it = "Soos {1} dit stel:",
}
M.phrases.mk = {
  voice = "mk", welcome = "Добредојдовте: {1}", thanks = "Ви благодариме што гледавте", part = "Дел {1} од {2}",
  run_one = "За да започнете, извршете ја оваа команда", run_many = "За да започнете, извршете ги овие команди",
  gives_you = "Ова ви дава: {1}.", key_points = "Главни точки: {1}.", remember = "Запомнете: {1}.",
  see_guides = "Целосни упатства: {1}.", sep = ", ", last = " и ", pair = " и ", or_last = " или ", or_pair = " или ",
  stop = ".", l_note = "Забелешка", l_tip = "Совет", l_important = "Важно", l_warning = "Предупредување",
  l_caution = "Внимание", l_before = "Пред", l_after = "По", l_up_next = "Следува", transcript = "Транскрипт",
  part_n = "Дел {1}", code_example = "Пример на {1}.", table_columns = "Во табелата: {1}.",
  table_more = "И уште редови: {1}.", table_more_one = "И уште еден ред.", agenda = "Теми ({1}): {2}.",
  agenda_more = "Теми ({1}), меѓу нив {2}.", list_named = "{1}: {2}.", list_more = "{1} и други",
  opt_named = "опцијата {1}", cmd_named = "командата {1}", opts_these = "овие опции", more_options = "уште опции: {1}",
  more_options_one = "уште една опција", api_more = "уште {1}", l_continued = "продолжение", as_put_it = "Како што вели {1}:",
}
M.phrases.be = {
  voice = "be", welcome = "Вітаем: {1}", thanks = "Дзякуй за ўвагу", part = "Частка {1} з {2}",
  run_one = "Каб пачаць, выканайце гэту каманду", run_many = "Каб пачаць, выканайце гэтыя каманды",
  gives_you = "Гэта дае вам: {1}.", key_points = "Галоўнае: {1}.", remember = "Памятайце: {1}.",
  see_guides = "Поўныя дапаможнікі: {1}.", sep = ", ", last = " і ", pair = " і ", or_last = " або ", or_pair = " або ",
  stop = ".", l_note = "Заўвага", l_tip = "Парада", l_important = "Важна", l_warning = "Папярэджанне",
  l_caution = "Увага", l_before = "Да", l_after = "Пасля", l_up_next = "Далей", transcript = "Транскрыпцыя",
  part_n = "Частка {1}", code_example = "Прыклад на {1}.", table_columns = "У табліцы: {1}.",
  table_more = "І яшчэ радкоў: {1}.", table_more_one = "І яшчэ адзін радок.", agenda = "Тэмы ({1}): {2}.",
  agenda_more = "Тэмы ({1}), сярод іх {2}.", list_named = "{1}: {2}.", list_more = "{1} і іншае",
  opt_named = "параметр {1}", cmd_named = "каманда {1}", opts_these = "гэтыя параметры",
  more_options = "яшчэ параметраў: {1}", more_options_one = "яшчэ адзін параметр", api_more = "яшчэ {1}",
  l_continued = "працяг", as_put_it = "Як кажа {1}:",
}
M.phrases.et = {
  voice = "et", welcome = "Tere tulemast: {1}", thanks = "Aitäh vaatamast", part = "Osa {1}/{2}",
  run_one = "Alustamiseks käivitage see käsk", run_many = "Alustamiseks käivitage need käsud",
  gives_you = "See annab teile: {1}.", key_points = "Põhipunktid: {1}.", remember = "Pidage meeles: {1}.",
  see_guides = "Täielikud juhendid: {1}.", sep = ", ", last = " ja ", pair = " ja ", or_last = " või ", or_pair = " või ",
  stop = ".", l_note = "Märkus", l_tip = "Nõuanne", l_important = "Tähtis", l_warning = "Hoiatus",
  l_caution = "Ettevaatust", l_before = "Enne", l_after = "Pärast", l_up_next = "Järgmisena", transcript = "Transkriptsioon",
  part_n = "Osa {1}", code_example = "Näide keeles {1}.", table_columns = "Tabelis on: {1}.",
  table_more = "Ja veel {1} rida.", table_more_one = "Ja veel üks rida.", agenda = "Teemad ({1}): {2}.",
  agenda_more = "Teemad ({1}), sealhulgas {2}.", list_named = "{1}: {2}.", list_more = "{1} ja muud",
  opt_named = "võti {1}", cmd_named = "käsk {1}", opts_these = "need võtmed", more_options = "veel {1} võtit",
  more_options_one = "veel üks võti", api_more = "veel {1}", l_continued = "järg", as_put_it = "Nagu ütleb {1}:",
}
M.phrases.lv = {
  voice = "lv", welcome = "Laipni lūdzam: {1}", thanks = "Paldies par uzmanību", part = "{1}. daļa no {2}",
  run_one = "Lai sāktu, izpildiet šo komandu", run_many = "Lai sāktu, izpildiet šīs komandas",
  gives_you = "Tas jums dod: {1}.", key_points = "Galvenais: {1}.", remember = "Atcerieties: {1}.",
  see_guides = "Pilnas rokasgrāmatas: {1}.", sep = ", ", last = " un ", pair = " un ", or_last = " vai ", or_pair = " vai ",
  stop = ".", l_note = "Piezīme", l_tip = "Padoms", l_important = "Svarīgi", l_warning = "Brīdinājums",
  l_caution = "Uzmanību", l_before = "Pirms", l_after = "Pēc", l_up_next = "Tālāk", transcript = "Atšifrējums",
  part_n = "{1}. daļa", code_example = "Piemērs valodā {1}.", table_columns = "Tabulā: {1}.",
  table_more = "Un vēl rindas: {1}.", table_more_one = "Un vēl viena rinda.", agenda = "Tēmas ({1}): {2}.",
  agenda_more = "Tēmas ({1}), starp tām {2}.", list_named = "{1}: {2}.", list_more = "{1} un citi",
  opt_named = "opcija {1}", cmd_named = "komanda {1}", opts_these = "šīs opcijas", more_options = "vēl opcijas: {1}",
  more_options_one = "vēl viena opcija", api_more = "vēl {1}", l_continued = "turpinājums", as_put_it = "Kā saka {1}:",
}
M.phrases.lt = {
  voice = "lt", welcome = "Sveiki atvykę: {1}", thanks = "Ačiū, kad žiūrėjote", part = "{1} dalis iš {2}",
  run_one = "Norėdami pradėti, paleiskite šią komandą", run_many = "Norėdami pradėti, paleiskite šias komandas",
  gives_you = "Tai suteikia: {1}.", key_points = "Svarbiausia: {1}.", remember = "Atminkite: {1}.",
  see_guides = "Išsamūs vadovai: {1}.", sep = ", ", last = " ir ", pair = " ir ", or_last = " arba ", or_pair = " arba ",
  stop = ".", l_note = "Pastaba", l_tip = "Patarimas", l_important = "Svarbu", l_warning = "Įspėjimas",
  l_caution = "Atsargiai", l_before = "Prieš", l_after = "Po", l_up_next = "Toliau", transcript = "Nuorašas",
  part_n = "{1} dalis", code_example = "Pavyzdys kalba {1}.", table_columns = "Lentelėje: {1}.",
  table_more = "Ir dar eilučių: {1}.", table_more_one = "Ir dar viena eilutė.", agenda = "Temos ({1}): {2}.",
  agenda_more = "Temos ({1}), tarp jų {2}.", list_named = "{1}: {2}.", list_more = "{1} ir kiti",
  opt_named = "parinktis {1}", cmd_named = "komanda {1}", opts_these = "šios parinktys",
  more_options = "dar parinkčių: {1}", more_options_one = "dar viena parinktis", api_more = "dar {1}",
  l_continued = "tęsinys", as_put_it = "Kaip sako {1}:",
}
M.phrases.sq = {
  voice = "sq", welcome = "Mirë se vini: {1}", thanks = "Faleminderit që na ndoqët", part = "Pjesa {1} nga {2}",
  run_one = "Për të filluar, ekzekutoni këtë komandë", run_many = "Për të filluar, ekzekutoni këto komanda",
  gives_you = "Kjo ju jep: {1}.", key_points = "Pikat kryesore: {1}.", remember = "Mbani mend: {1}.",
  see_guides = "Udhëzues të plotë: {1}.", sep = ", ", last = " dhe ", pair = " dhe ", or_last = " ose ", or_pair = " ose ",
  stop = ".", l_note = "Shënim", l_tip = "Këshillë", l_important = "E rëndësishme", l_warning = "Paralajmërim",
  l_caution = "Kujdes", l_before = "Para", l_after = "Pas", l_up_next = "Në vijim", transcript = "Transkript",
  part_n = "Pjesa {1}", code_example = "Një shembull në {1}.", table_columns = "Tabela tregon: {1}.",
  table_more = "Dhe {1} rreshta të tjerë.", table_more_one = "Dhe një rresht tjetër.", agenda = "{1} tema: {2}.",
  agenda_more = "{1} tema, ndër to {2}.", list_named = "{1}: {2}.", list_more = "{1} dhe të tjera",
  opt_named = "opsioni {1}", cmd_named = "komanda {1}", opts_these = "këto opsione", more_options = "{1} opsione të tjera",
  more_options_one = "një opsion tjetër", api_more = "{1} të tjera", l_continued = "vazhdim", as_put_it = "Siç thotë {1}:",
}
M.phrases.ka = {
  voice = "ka", welcome = "მოგესალმებით: {1}", thanks = "გმადლობთ ყურადღებისთვის", part = "ნაწილი {1} / {2}",
  run_one = "დასაწყებად გაუშვით ეს ბრძანება", run_many = "დასაწყებად გაუშვით ეს ბრძანებები",
  gives_you = "ეს გაძლევთ: {1}.", key_points = "მთავარი: {1}.", remember = "დაიმახსოვრეთ: {1}.",
  see_guides = "სრული სახელმძღვანელოები: {1}.", sep = ", ", last = " და ", pair = " და ", or_last = " ან ", or_pair = " ან ",
  stop = ".", l_note = "შენიშვნა", l_tip = "რჩევა", l_important = "მნიშვნელოვანია", l_warning = "გაფრთხილება",
  l_caution = "ყურადღება", l_before = "მანამდე", l_after = "შემდეგ", l_up_next = "შემდეგი", transcript = "ტრანსკრიპტი",
  part_n = "ნაწილი {1}", code_example = "მაგალითი: {1}.", table_columns = "ცხრილში: {1}.",
  table_more = "და კიდევ {1} სტრიქონი.", table_more_one = "და კიდევ ერთი სტრიქონი.", agenda = "{1} თემა: {2}.",
  agenda_more = "{1} თემა, მათ შორის {2}.", list_named = "{1}: {2}.", list_more = "{1} და სხვა",
  opt_named = "პარამეტრი {1}", cmd_named = "ბრძანება {1}", opts_these = "ეს პარამეტრები",
  more_options = "კიდევ {1} პარამეტრი", more_options_one = "კიდევ ერთი პარამეტრი", api_more = "კიდევ {1}",
  l_continued = "გაგრძელება", as_put_it = "როგორც {1} ამბობს:",
}
M.phrases.az = {
  voice = "az", welcome = "Xoş gəlmisiniz: {1}", thanks = "İzlədiyiniz üçün təşəkkürlər", part = "Hissə {1}/{2}",
  run_one = "Başlamaq üçün bu əmri icra edin", run_many = "Başlamaq üçün bu əmrləri icra edin",
  gives_you = "Bu sizə verir: {1}.", key_points = "Əsas məqamlar: {1}.", remember = "Yadda saxlayın: {1}.",
  see_guides = "Tam bələdçilər: {1}.", sep = ", ", last = " və ", pair = " və ", or_last = " və ya ", or_pair = " və ya ",
  stop = ".", l_note = "Qeyd", l_tip = "Məsləhət", l_important = "Vacib", l_warning = "Xəbərdarlıq",
  l_caution = "Diqqət", l_before = "Əvvəl", l_after = "Sonra", l_up_next = "Növbəti", transcript = "Transkript",
  part_n = "Hissə {1}", code_example = "{1} dilində nümunə.", table_columns = "Cədvəldə: {1}.",
  table_more = "Və daha {1} sətir.", table_more_one = "Və daha bir sətir.", agenda = "{1} mövzu: {2}.",
  agenda_more = "{1} mövzu, onların arasında {2}.", list_named = "{1}: {2}.", list_more = "{1} və digərləri",
  opt_named = "{1} seçimi", cmd_named = "{1} əmri", opts_these = "bu seçimlər", more_options = "daha {1} seçim",
  more_options_one = "daha bir seçim", api_more = "daha {1}", l_continued = "davamı", as_put_it = "{1} deyir:",
}
M.phrases.kk = {
  voice = "kk", welcome = "Қош келдіңіз: {1}", thanks = "Көргеніңізге рахмет", part = "{1}-бөлім, барлығы {2}",
  run_one = "Бастау үшін осы команданы орындаңыз", run_many = "Бастау үшін осы командаларды орындаңыз",
  gives_you = "Бұл сізге береді: {1}.", key_points = "Негізгі тұстар: {1}.", remember = "Есте сақтаңыз: {1}.",
  see_guides = "Толық нұсқаулықтар: {1}.", sep = ", ", last = " және ", pair = " және ", or_last = " немесе ",
  or_pair = " немесе ", stop = ".", l_note = "Ескертпе", l_tip = "Кеңес", l_important = "Маңызды",
  l_warning = "Ескерту", l_caution = "Абайлаңыз", l_before = "Бұрын", l_after = "Кейін", l_up_next = "Келесі",
  transcript = "Транскрипт", part_n = "{1}-бөлім", code_example = "{1} тіліндегі мысал.",
  table_columns = "Кестеде: {1}.", table_more = "Тағы {1} жол.", table_more_one = "Тағы бір жол.",
  agenda = "{1} тақырып: {2}.", agenda_more = "{1} тақырып, олардың ішінде {2}.", list_named = "{1}: {2}.",
  list_more = "{1} және басқалар", opt_named = "{1} параметрі", cmd_named = "{1} командасы",
  opts_these = "бұл параметрлер", more_options = "тағы {1} параметр", more_options_one = "тағы бір параметр",
  api_more = "тағы {1}", l_continued = "жалғасы", as_put_it = "{1} айтқандай:",
}

-- (the languages of India's other scripts: their most said phrases; a
-- welcome that glues no ending to a Latin name)
M.phrases.te = {
  voice = "te", welcome = "స్వాగతం: {1}", thanks = "చూసినందుకు ధన్యవాదాలు", part = "భాగం {1} / {2}",
  part_n = "భాగం {1}", key_points = "ముఖ్యాంశాలు: {1}.", run_one = "ప్రారంభించడానికి ఈ ఆదేశాన్ని అమలు చేయండి",
  run_many = "ప్రారంభించడానికి ఈ ఆదేశాలను అమలు చేయండి", sep = ", ", last = " మరియు ", pair = " మరియు ",
  or_last = " లేదా ", or_pair = " లేదా ", stop = ".", l_note = "గమనిక", l_tip = "చిట్కా", l_important = "ముఖ్యం",
  l_warning = "హెచ్చరిక", l_caution = "జాగ్రత్త", list_more = "{1} మరియు మరిన్ని", opt_named = "{1} ఎంపిక",
  cmd_named = "{1} ఆదేశం", opts_these = "ఈ ఎంపికలు", more_options = "మరో {1} ఎంపికలు",
  more_options_one = "మరో ఒక ఎంపిక", as_put_it = "{1} చెప్పినట్లు:", l_continued = "కొనసాగింపు",
  transcript = "లిఖిత ప్రతి",
}
M.phrases.kn = {
  voice = "kn", welcome = "ಸ್ವಾಗತ: {1}", thanks = "ವೀಕ್ಷಿಸಿದ್ದಕ್ಕಾಗಿ ಧನ್ಯವಾದಗಳು", part = "ಭಾಗ {1} / {2}",
  part_n = "ಭಾಗ {1}", key_points = "ಮುಖ್ಯ ಅಂಶಗಳು: {1}.", run_one = "ಪ್ರಾರಂಭಿಸಲು ಈ ಆದೇಶವನ್ನು ಚಲಾಯಿಸಿ",
  run_many = "ಪ್ರಾರಂಭಿಸಲು ಈ ಆದೇಶಗಳನ್ನು ಚಲಾಯಿಸಿ", sep = ", ", last = " ಮತ್ತು ", pair = " ಮತ್ತು ",
  or_last = " ಅಥವಾ ", or_pair = " ಅಥವಾ ", stop = ".", l_note = "ಸೂಚನೆ", l_tip = "ಸಲಹೆ", l_important = "ಮುಖ್ಯ",
  l_warning = "ಎಚ್ಚರಿಕೆ", l_caution = "ಜಾಗರೂಕತೆ", list_more = "{1} ಮತ್ತು ಇನ್ನಷ್ಟು", opt_named = "{1} ಆಯ್ಕೆ",
  cmd_named = "{1} ಆದೇಶ", opts_these = "ಈ ಆಯ್ಕೆಗಳು", more_options = "ಇನ್ನೂ {1} ಆಯ್ಕೆಗಳು",
  more_options_one = "ಇನ್ನೂ ಒಂದು ಆಯ್ಕೆ", as_put_it = "{1} ಹೇಳಿದಂತೆ:", l_continued = "ಮುಂದುವರಿದಿದೆ",
  transcript = "ಪ್ರತಿಲಿಪಿ",
}
M.phrases.ml = {
  voice = "ml", welcome = "സ്വാഗതം: {1}", thanks = "കണ്ടതിന് നന്ദി", part = "ഭാഗം {1} / {2}",
  part_n = "ഭാഗം {1}", key_points = "പ്രധാന കാര്യങ്ങൾ: {1}.", run_one = "തുടങ്ങാൻ ഈ കമാൻഡ് പ്രവർത്തിപ്പിക്കുക",
  run_many = "തുടങ്ങാൻ ഈ കമാൻഡുകൾ പ്രവർത്തിപ്പിക്കുക", sep = ", ", last = ", ", pair = ", ",
  or_last = " അല്ലെങ്കിൽ ", or_pair = " അല്ലെങ്കിൽ ", stop = ".", l_note = "കുറിപ്പ്", l_tip = "നുറുങ്ങ്",
  l_important = "പ്രധാനം", l_warning = "മുന്നറിയിപ്പ്", l_caution = "ജാഗ്രത", list_more = "{1} തുടങ്ങിയവ",
  opt_named = "{1} ഓപ്ഷൻ", cmd_named = "{1} കമാൻഡ്", opts_these = "ഈ ഓപ്ഷനുകൾ",
  more_options = "{1} ഓപ്ഷനുകൾ കൂടി", more_options_one = "ഒരു ഓപ്ഷൻ കൂടി", as_put_it = "{1} പറഞ്ഞതുപോലെ:",
  l_continued = "തുടർച്ച", transcript = "ട്രാൻസ്ക്രിപ്റ്റ്",
}
M.phrases.gu = {
  voice = "gu", welcome = "{1} માં આપનું સ્વાગત છે", thanks = "જોવા બદલ આભાર", part = "ભાગ {1} / {2}",
  part_n = "ભાગ {1}", key_points = "મુખ્ય મુદ્દા: {1}.", run_one = "શરૂ કરવા માટે આ કમાન્ડ ચલાવો",
  run_many = "શરૂ કરવા માટે આ કમાન્ડ્સ ચલાવો", sep = ", ", last = " અને ", pair = " અને ", or_last = " અથવા ",
  or_pair = " અથવા ", stop = ".", l_note = "નોંધ", l_tip = "ટીપ", l_important = "મહત્વપૂર્ણ", l_warning = "ચેતવણી",
  l_caution = "સાવધાન", list_more = "{1} અને વધુ", opt_named = "{1} વિકલ્પ", cmd_named = "{1} કમાન્ડ",
  opts_these = "આ વિકલ્પો", more_options = "વધુ {1} વિકલ્પો", more_options_one = "વધુ એક વિકલ્પ",
  as_put_it = "{1} ના શબ્દોમાં:", l_continued = "ચાલુ", transcript = "લિખિત પાઠ",
}
M.phrases.pa = {
  voice = "pa", welcome = "{1} ਵਿੱਚ ਜੀ ਆਇਆਂ ਨੂੰ", thanks = "ਦੇਖਣ ਲਈ ਧੰਨਵਾਦ", part = "ਭਾਗ {1} / {2}",
  part_n = "ਭਾਗ {1}", key_points = "ਮੁੱਖ ਗੱਲਾਂ: {1}।", run_one = "ਸ਼ੁਰੂ ਕਰਨ ਲਈ ਇਹ ਕਮਾਂਡ ਚਲਾਓ",
  run_many = "ਸ਼ੁਰੂ ਕਰਨ ਲਈ ਇਹ ਕਮਾਂਡਾਂ ਚਲਾਓ", sep = ", ", last = " ਅਤੇ ", pair = " ਅਤੇ ", or_last = " ਜਾਂ ",
  or_pair = " ਜਾਂ ", stop = "।", l_note = "ਨੋਟ", l_tip = "ਸੁਝਾਅ", l_important = "ਮਹੱਤਵਪੂਰਨ", l_warning = "ਚੇਤਾਵਨੀ",
  l_caution = "ਸਾਵਧਾਨ", list_more = "{1} ਅਤੇ ਹੋਰ", opt_named = "{1} ਵਿਕਲਪ", cmd_named = "{1} ਕਮਾਂਡ",
  opts_these = "ਇਹ ਵਿਕਲਪ", more_options = "ਹੋਰ {1} ਵਿਕਲਪ", more_options_one = "ਇੱਕ ਹੋਰ ਵਿਕਲਪ",
  as_put_it = "{1} ਦੇ ਸ਼ਬਦਾਂ ਵਿੱਚ:", l_continued = "ਜਾਰੀ", transcript = "ਲਿਖਤੀ ਪਾਠ",
}

M.phrases.uz = {
  voice = "uz", welcome = "Xush kelibsiz: {1}", thanks = "Tomosha qilganingiz uchun rahmat",
  part = "{1}-qism, jami {2}", run_one = "Boshlash uchun ushbu buyruqni bajaring",
  run_many = "Boshlash uchun ushbu buyruqlarni bajaring", gives_you = "Bu sizga beradi: {1}.",
  key_points = "Asosiy jihatlar: {1}.", remember = "Esda tuting: {1}.", see_guides = "To'liq qo'llanmalar: {1}.",
  sep = ", ", last = " va ", pair = " va ", or_last = " yoki ", or_pair = " yoki ", stop = ".",
  l_note = "Eslatma", l_tip = "Maslahat", l_important = "Muhim", l_warning = "Ogohlantirish",
  l_caution = "Ehtiyot bo'ling", l_before = "Oldin", l_after = "Keyin", l_up_next = "Keyingisi",
  transcript = "Matn", part_n = "{1}-qism", code_example = "{1} tilidagi misol.", table_columns = "Jadvalda: {1}.",
  table_more = "Yana {1} ta qator.", table_more_one = "Yana bitta qator.", agenda = "{1} ta mavzu: {2}.",
  agenda_more = "{1} ta mavzu, jumladan {2}.", list_named = "{1}: {2}.", list_more = "{1} va boshqalar",
  opt_named = "{1} parametri", cmd_named = "{1} buyrug'i", opts_these = "ushbu parametrlar",
  more_options = "yana {1} ta parametr", more_options_one = "yana bitta parametr",
  l_continued = "davomi", as_put_it = "{1} aytganidek:",
}
M.phrases.ky = {
  voice = "ky", welcome = "Кош келиңиз: {1}", thanks = "Көргөнүңүз үчүн рахмат", part = "{1}-бөлүк, бардыгы {2}",
  run_one = "Баштоо үчүн бул буйрукту аткарыңыз", run_many = "Баштоо үчүн бул буйруктарды аткарыңыз",
  gives_you = "Бул сизге берет: {1}.", key_points = "Негизги жагдайлар: {1}.", remember = "Эсиңизде болсун: {1}.",
  see_guides = "Толук колдонмолор: {1}.", sep = ", ", last = " жана ", pair = " жана ", or_last = " же ",
  or_pair = " же ", stop = ".", l_note = "Эскертме", l_tip = "Кеңеш", l_important = "Маанилүү",
  l_warning = "Эскертүү", l_caution = "Абайлаңыз", l_before = "Мурун", l_after = "Кийин", l_up_next = "Кийинки",
  transcript = "Транскрипт", part_n = "{1}-бөлүк", code_example = "{1} тилиндеги мисал.",
  table_columns = "Таблицада: {1}.", table_more = "Дагы {1} сап.", table_more_one = "Дагы бир сап.",
  agenda = "{1} тема: {2}.", agenda_more = "{1} тема, алардын ичинде {2}.", list_named = "{1}: {2}.",
  list_more = "{1} жана башкалар", opt_named = "{1} параметри", cmd_named = "{1} буйругу",
  opts_these = "бул параметрлер", more_options = "дагы {1} параметр", more_options_one = "дагы бир параметр",
  l_continued = "уландысы", as_put_it = "{1} айткандай:",
}

-- Mongolian and Tajik, written in Cyrillic: no espeak-ng voice speaks them.
-- The voice is the one that says most of their letters (a Mongolian guide
-- in the Russian voice took 9.8 s, with ө ү spelled out; in the Kyrgyz
-- voice, whose alphabet has them, 6.7 s; Kazakh's voice says Tajik's ӯ ғ қ,
-- where the Russian one spells ӯ and drops ғ қ).
M.phrases.mn = {
  voice = "ky", welcome = "Тавтай морилно уу: {1}", thanks = "Үзсэнд баярлалаа", part = "{1}-р хэсэг, нийт {2}",
  part_n = "{1}-р хэсэг", run_one = "Эхлэхийн тулд энэ командыг ажиллуулна уу",
  run_many = "Эхлэхийн тулд эдгээр командыг ажиллуулна уу", key_points = "Гол санаанууд: {1}.",
  remember = "Санаж байгаарай: {1}.", sep = ", ", last = " болон ", pair = " болон ", or_last = " эсвэл ",
  or_pair = " эсвэл ", stop = ".", l_note = "Тэмдэглэл", l_tip = "Зөвлөмж", l_important = "Чухал",
  l_warning = "Анхааруулга", l_caution = "Болгоомжтой", l_before = "Өмнө", l_after = "Дараа",
  l_up_next = "Дараагийнх", transcript = "Бичвэр", code_example = "{1} хэл дээрх жишээ.",
  table_columns = "Хүснэгтэд: {1}.", table_more = "Бас {1} мөр.", table_more_one = "Бас нэг мөр.",
  agenda = "{1} сэдэв: {2}.", agenda_more = "{1} сэдэв, тэдгээрийн дунд {2}.", list_named = "{1}: {2}.",
  list_more = "{1} болон бусад", opt_named = "{1} сонголт", cmd_named = "{1} команд",
  opts_these = "эдгээр сонголтууд", more_options = "бас {1} сонголт", more_options_one = "бас нэг сонголт",
  api_more = "бас {1}", l_continued = "үргэлжлэл", as_put_it = "{1} хэлсэнчлэн:",
}
M.phrases.tg = {
  voice = "kk", welcome = "Хуш омадед: {1}", thanks = "Ташаккур барои тамошо", part = "Қисми {1} аз {2}",
  part_n = "Қисми {1}", run_one = "Барои оғоз ин фармонро иҷро кунед", run_many = "Барои оғоз ин фармонҳоро иҷро кунед",
  key_points = "Нуктаҳои асосӣ: {1}.", remember = "Дар хотир доред: {1}.", sep = ", ", last = " ва ",
  pair = " ва ", or_last = " ё ", or_pair = " ё ", stop = ".", l_note = "Эзоҳ", l_tip = "Маслиҳат",
  l_important = "Муҳим", l_warning = "Огоҳӣ", l_caution = "Эҳтиёт шавед", l_before = "Пеш", l_after = "Баъд",
  l_up_next = "Навбатӣ", transcript = "Матн", code_example = "Мисол бо {1}.", table_columns = "Дар ҷадвал: {1}.",
  table_more = "Боз {1} сатр.", table_more_one = "Боз як сатр.", agenda = "{1} мавзӯъ: {2}.",
  agenda_more = "{1} мавзӯъ, аз ҷумла {2}.", list_named = "{1}: {2}.", list_more = "{1} ва ғайра",
  opt_named = "параметри {1}", cmd_named = "фармони {1}", opts_these = "ин параметрҳо",
  more_options = "боз {1} параметр", more_options_one = "боз як параметр", api_more = "боз {1}",
  l_continued = "давом", as_put_it = "Ба қавли {1}:",
}

-- Armenian, Amharic and Burmese: espeak-ng speaks them; their phrases end
-- with their own full stops (։ ። ။) and Amharic and Burmese join lists
-- with their own commas (፣ ၊).
M.phrases.hy = {
  voice = "hy", welcome = "Բարի գալուստ։ {1}", thanks = "Շնորհակալություն դիտելու համար", part = "Մաս {1}/{2}",
  part_n = "Մաս {1}", run_one = "Սկսելու համար գործարկեք այս հրամանը",
  run_many = "Սկսելու համար գործարկեք այս հրամանները", key_points = "Հիմնական կետեր՝ {1}։", sep = ", ",
  last = " և ", pair = " և ", or_last = " կամ ", or_pair = " կամ ", stop = "։", l_note = "Նշում",
  l_tip = "Խորհուրդ", l_important = "Կարևոր", l_warning = "Զգուշացում", l_caution = "Ուշադրություն",
  list_more = "{1} և այլն", opt_named = "{1} պարամետրը", cmd_named = "{1} հրամանը",
  opts_these = "այս պարամետրերը", more_options = "ևս {1} պարամետր", more_options_one = "ևս մեկ պարամետր",
  as_put_it = "Ինչպես ասում է {1}՝", l_continued = "շարունակություն", transcript = "Տեքստ",
}
M.phrases.am = {
  voice = "am", welcome = "እንኳን ደህና መጡ፦ {1}", thanks = "ስለተመለከቱ እናመሰግናለን", part = "ክፍል {1}/{2}",
  part_n = "ክፍል {1}", run_one = "ለመጀመር ይህን ትዕዛዝ ያሂዱ", run_many = "ለመጀመር እነዚህን ትዕዛዞች ያሂዱ",
  key_points = "ዋና ዋና ነጥቦች፦ {1}።", sep = "፣ ", last = " እና ", pair = " እና ", or_last = " ወይም ",
  or_pair = " ወይም ", stop = "።", l_note = "ማስታወሻ", l_tip = "ጠቃሚ ምክር", l_important = "አስፈላጊ",
  l_warning = "ማስጠንቀቂያ", l_caution = "ጥንቃቄ", list_more = "{1} እና ሌሎችም", opt_named = "{1} አማራጭ",
  cmd_named = "{1} ትዕዛዝ", opts_these = "እነዚህ አማራጮች", more_options = "ተጨማሪ {1} አማራጮች",
  more_options_one = "አንድ ተጨማሪ አማራጭ", as_put_it = "{1} እንዳሉት፦", transcript = "ግልባጭ",
}
M.phrases.my = {
  voice = "my", welcome = "ကြိုဆိုပါသည်။ {1}", thanks = "ကြည့်ရှုသည့်အတွက် ကျေးဇူးတင်ပါသည်", part = "အပိုင်း {1}/{2}",
  part_n = "အပိုင်း {1}", run_one = "စတင်ရန် ဤအမိန့်ကို လုပ်ဆောင်ပါ", run_many = "စတင်ရန် ဤအမိန့်များကို လုပ်ဆောင်ပါ",
  key_points = "အဓိကအချက်များ- {1}။", sep = "၊ ", last = "၊ ", pair = " နှင့် ", or_last = " သို့မဟုတ် ",
  or_pair = " သို့မဟုတ် ", stop = "။", l_note = "မှတ်ချက်", l_tip = "အကြံပြုချက်", l_important = "အရေးကြီး",
  l_warning = "သတိပေးချက်", l_caution = "သတိ", list_more = "{1} စသည်", as_put_it = "{1} ပြောသကဲ့သို့-",
}

-- The phrase of a language that lacks one, when that language is not
-- English: never English words in another language's voice, so each phrase
-- keeps only what the document gave it (a title, a list) and its signs, or
-- is left out (""; a caller says nothing for it). English itself, and a
-- text that is no language tag, fall back to `en`.
M.neutral = {
  welcome = "{1}", thanks = "", part = "{1}/{2}", part_n = "{1}",
  run_one = "", run_many = "",
  does_build_one = "", does_build_many = "", does_install_one = "", does_install_many = "",
  does_test_one = "", does_test_many = "", does_build_install_one = "", does_build_install_many = "",
  does_build_test_one = "", does_build_test_many = "",
  gives_you = "{1}.", key_points = "{1}.", remember = "{1}.", see_guides = "{1}.",
  compare = "", original = "", improved = "", key_improvements = "{1}.", as_put_it = "{1}:",
  problem_n = "{1}:", diff_easy = "", diff_medium = "", diff_hard = "", solution = "",
  checkpoint_n = "{1}.", checkpoint = "", covered = "{1}.", next_topics = "{1}.", quiz_time = "",
  is_it = "{1}?", answer = "{1}.", lesson_named = "{1}: {2}.", lesson = "{1}.", exercise = "",
  take_about = "{1}.",
  pow_2 = "{1}", pow_3 = "{1}", pow_n = "{1}",
  sep = ", ", last = ", ", pair = ", ", or_last = ", ", or_pair = ", ", stop = ".",
  code_example = "", code_runs_named = "", code_runs = "", table_columns = "{1}.", table_columns_more = "{1}.", table_columns_count = "{1}.",
  table_columns_count_named = "{1}.", table_more = "",
  table_more_one = "", table_more_named = "", agenda = "{2}.", agenda_more = "{2}.", list_named = "{1}: {2}.",
  list_more = "{1}…", names_many = "{1}: {3}…", names_many_bare = "{2}…", l_names_more = "{1}",
  opt_named = "{1}", cmd_named = "{1}", opts_these = "", more_options = "+{1}",

  more_options_one = "+1", api_more = "+{1}", api_any = "{1}…", api_array = "[{1}]",
  api_optional = "({1})", api_takes = "{1}.", api_returns = "→ {1}.", api_type = "{1}.",
  l_continued = "…", l_table_columns = "{1}–{2} / {3}", l_table_rows = "1–{1} / {2}",
  l_optional = "", l_returns = "→", l_type = "",
  l_completed = "✓", l_review = "", l_up_next = "→", l_checkpoint = "", l_before = "", l_after = "",
  l_exercise = "", l_objectives = "", l_duration = "", l_difficulty = "", l_prerequisites = "",
  l_problem = "", l_quiz = "?", l_solution = "", l_note = "", l_tip = "", l_important = "!",
  l_warning = "!", l_caution = "!", l_review_intro = "", transcript = "",
}

-- the language of a tag ("pt-BR" -> "pt"); nil when it is no tag
local function tag_base(lang)
  if type(lang) ~= "string" then return nil end
  local b = lang:match("^(%a%a%a?)%f[^%a]")
  return b and b:lower()
end

-- "pt-BR" -> "pt", "zh-TW" -> "zh-Hant"; unknown -> "en"
function M.base(lang)
  if type(lang) ~= "string" then return "en" end
  local b = lang:match("^(%a%a%a?)") or ""
  b = b:lower()
  -- Chinese written in traditional characters has a block of its own
  local rest = lang:sub(#b + 1):lower()
  if b == "zh" and (rest:find("^[-_]hant") or rest:find("^[-_]tw") or rest:find("^[-_]hk") or rest:find("^[-_]mo")) then
    return "zh-Hant"
  end
  return M.phrases[b] and b or "en"
end

--- t(lang, key, ...) -> the phrase with {1}, {2} … filled in (the parent
-- language's, and its parent's, when the language lacks it; then, for a
-- language other than English, the neutral phrase; then English; the key
-- itself when no language has it).
function M.t(lang, key, ...)
  local own = tag_base(lang)
  local b = M.base(lang)
  -- (a language the table lacks has no phrase of its own: base gave English)
  local block, p = (b ~= "en" or not own or own == "en") and M.phrases[b] or {}, nil
  for _ = 1, 3 do
    p = block[key]
    if p or not block.parent then break end
    block = M.phrases[block.parent] or {}
  end
  if not p and own and own ~= "en" and key ~= "voice" then p = M.neutral[key] end
  p = p or M.phrases.en[key] or key
  local args = { ... }
  return (p:gsub("{(%d)}", function(i) return tostring(args[tonumber(i)] or "") end))
end

-- Languages written right to left (their slides are laid out mirrored).
local RTL = { ar = true, he = true, iw = true, fa = true, ur = true, yi = true, ps = true, sd = true,
  ug = true, dv = true, ckb = true }

--- rtl(lang) -> true when lang ("ar", "he-IL", "fa") is written right to left
function M.rtl(lang)
  if type(lang) ~= "string" then return false end
  local b = (lang:match("^(%a%a%a?)%f[^%a]") or ""):lower()
  return RTL[b] == true
end

--- voice(lang) -> the espeak-ng voice that speaks lang ("male" for English)
function M.voice(lang) return M.t(lang, "voice") end

-- an option or a command named in a sentence, said by its name ("-r" is
-- "the r option", "make install" "the make install command"); a language
-- writes the noun without an article: "die Option -r" keeps its own
M.phrases.en.opt_named = "the {1} option"
M.phrases.en.cmd_named = "the {1} command"
M.phrases.en.opts_these = "these options"
M.phrases.de.opt_named = "Option {1}"
M.phrases.de.cmd_named = "Befehl {1}"
M.phrases.de.opts_these = "diese Optionen"
M.phrases.fr.opt_named = "option {1}"
M.phrases.fr.cmd_named = "commande {1}"
M.phrases.fr.opts_these = "ces options"
M.phrases.es.opt_named = "opción {1}"
M.phrases.es.cmd_named = "comando {1}"
M.phrases.es.opts_these = "estas opciones"
M.phrases.it.opt_named = "opzione {1}"
M.phrases.it.cmd_named = "comando {1}"
M.phrases.it.opts_these = "queste opzioni"
M.phrases.pt.opt_named = "opção {1}"
M.phrases.pt.cmd_named = "comando {1}"
M.phrases.pt.opts_these = "estas opções"
M.phrases.nl.opt_named = "optie {1}"
M.phrases.nl.cmd_named = "opdracht {1}"
M.phrases.nl.opts_these = "deze opties"
M.phrases.ru.opt_named = "параметр {1}"
M.phrases.ru.cmd_named = "команда {1}"
M.phrases.ru.opts_these = "эти параметры"
M.phrases.zh.opt_named = "{1} 选项"
M.phrases.zh.cmd_named = "{1} 命令"
M.phrases.zh.opts_these = "这些选项"
M.phrases.ja.opt_named = "{1} オプション"
M.phrases.ja.cmd_named = "{1} コマンド"
M.phrases.ja.opts_these = "これらのオプション"
M.phrases.ko.opt_named = "{1} 옵션"
M.phrases.ko.cmd_named = "{1} 명령"
M.phrases.ko.opts_these = "이 옵션들"
M.phrases.vi.opt_named = "tùy chọn {1}"
M.phrases.vi.cmd_named = "lệnh {1}"
M.phrases.vi.opts_these = "các tùy chọn này"
M.phrases.ar.opt_named = "الخيار {1}"
M.phrases.ar.cmd_named = "الأمر {1}"
M.phrases.ar.opts_these = "هذه الخيارات"

-- a manual page's options a summary leaves out ("- 52 more options")
M.phrases.en.more_options = "{1} more options"
M.phrases.de.more_options = "{1} weitere Optionen"
M.phrases.fr.more_options = "{1} autres options"
M.phrases.es.more_options = "{1} opciones más"
M.phrases.it.more_options = "altre {1} opzioni"
M.phrases.pt.more_options = "mais {1} opções"
M.phrases.nl.more_options = "{1} andere opties"
M.phrases.ru.more_options = "ещё параметров: {1}"
M.phrases.zh.more_options = "另外{1}个选项"
M.phrases.ja.more_options = "ほか{1}個のオプション"
M.phrases.ko.more_options = "그 외 옵션 {1}개"
M.phrases.vi.more_options = "{1} tùy chọn khác"
M.phrases.ar.more_options = "خيارات أخرى: {1}"
-- ... and one: its own form ("eine weitere Option", never "1 weitere Optionen")
M.phrases.en.more_options_one = "1 more option"
M.phrases.de.more_options_one = "eine weitere Option"
M.phrases.fr.more_options_one = "une autre option"
M.phrases.es.more_options_one = "una opción más"
M.phrases.it.more_options_one = "un'altra opzione"
M.phrases.pt.more_options_one = "mais uma opção"
M.phrases.nl.more_options_one = "nog één optie"
M.phrases.ru.more_options_one = "ещё один параметр"
M.phrases.zh.more_options_one = "另外1个选项"
M.phrases.ja.more_options_one = "ほか1個のオプション"
M.phrases.ko.more_options_one = "그 외 옵션 1개"
M.phrases.vi.more_options_one = "1 tùy chọn khác"
M.phrases.ar.more_options_one = "خيار آخر"
M.phrases.uk.more_options_one = "ще один параметр"
M.phrases.pl.more_options_one = "jeszcze jedna opcja"
M.phrases.cs.more_options_one = "ještě jedna volba"
M.phrases.tr.more_options_one = "1 seçenek daha"
M.phrases.sv.more_options_one = "en flagga till"
M.phrases.id.more_options_one = "1 opsi lainnya"
M.phrases.fa.more_options_one = "یک گزینه دیگر"
M.phrases.he.more_options_one = "עוד אפשרות אחת"
M.phrases.hi.more_options_one = "एक और विकल्प"
M.phrases.ro.more_options_one = "încă o opțiune"
M.phrases.da.more_options_one = "ét tilvalg mere"
M.phrases.nb.more_options_one = "ett valg til"
M.phrases.fi.more_options_one = "yksi valitsin lisää"
M.phrases.hu.more_options_one = "még egy kapcsoló"
M.phrases.sk.more_options_one = "ešte jedna voľba"
M.phrases.ca.more_options_one = "una opció més"
M.phrases.hr.more_options_one = "još jedna opcija"
M.phrases.sl.more_options_one = "še ena možnost"
M.phrases.sr.more_options_one = "још једна опција"
M.phrases.bg.more_options_one = "още една опция"
M.phrases.el.more_options_one = "μία ακόμη επιλογή"

-- a quote's source, said before it ("As Linus Torvalds put it:"): in the
-- languages whose blocks above lack it, said with a verb that leaves the
-- name as written (no case ending or prefix glued to a Latin name)
M.phrases.bg.as_put_it = "Както казва {1}:"
M.phrases.ca.as_put_it = "Com diu {1}:"
M.phrases.cs.as_put_it = "Jak říká {1}:"
M.phrases.da.as_put_it = "Som {1} siger:"
M.phrases.el.as_put_it = "Όπως λέει {1}:"
M.phrases.eu.as_put_it = "{1} aipatuz:"
M.phrases.fa.as_put_it = "به قول {1}:"
M.phrases.fi.as_put_it = "Kuten {1} sanoo:"
M.phrases.he.as_put_it = "כדברי {1}:"
M.phrases.hi.as_put_it = "जैसा कि {1} ने कहा:"
M.phrases.hr.as_put_it = "Kako kaže {1}:"
M.phrases.hu.as_put_it = "{1} szavaival:"
M.phrases.id.as_put_it = "Seperti kata {1}:"
M.phrases.nb.as_put_it = "Som {1} sier:"
M.phrases.pl.as_put_it = "Jak mówi {1}:"
M.phrases.ro.as_put_it = "Cum spune {1}:"
M.phrases.sk.as_put_it = "Ako hovorí {1}:"
M.phrases.sl.as_put_it = "Kot pravi {1}:"
M.phrases.sr.as_put_it = "Како каже {1}:"
M.phrases.sv.as_put_it = "Som {1} uttrycker det:"
M.phrases.tr.as_put_it = "{1} şöyle der:"
M.phrases.uk.as_put_it = "Як каже {1}:"
M.phrases.yue.as_put_it = "正如{1}所講："

-- What a table's rows are, for "And 22 more keys.": a first column named by
-- a noun of this table ("KEY", "Option") counts its rows in that noun's
-- plural, a heading that is one of these plurals ("Process state codes")
-- too; any other name ("Status", "Nr.", "Datum") counts them as rows. A
-- plural is never guessed from the spelling: a language with no nouns here
-- says rows. Keys are lower-case singulars, values the plurals said after
-- the number in the language's table_more_named (Russian: the genitive).
M.phrases.de.table_more_named = "Und {1} weitere {2}."
M.phrases.fr.table_more_named = "Et {1} {2} de plus."
M.phrases.es.table_more_named = "Y {1} {2} más."
M.phrases.ru.table_more_named = "И ещё {2}: {1}."
M.row_nouns = {
  en = {
    key = "keys", option = "options", flag = "flags", switch = "switches", command = "commands",
    subcommand = "subcommands", ["function"] = "functions", method = "methods", field = "fields",
    variable = "variables", parameter = "parameters", argument = "arguments", property = "properties",
    attribute = "attributes", setting = "settings", name = "names", value = "values", type = "types",
    code = "codes", signal = "signals", error = "errors", file = "files", directory = "directories",
    path = "paths", format = "formats", specifier = "specifiers", keyword = "keywords", operator = "operators",
    directive = "directives", element = "elements", tag = "tags", event = "events", hook = "hooks",
    macro = "macros", module = "modules", package = "packages", plugin = "plugins", feature = "features",
    platform = "platforms", language = "languages", version = "versions", release = "releases",
    target = "targets", tool = "tools", program = "programs", service = "services", unit = "units",
    port = "ports", protocol = "protocols", level = "levels", mode = "modes", state = "states",
    status = "statuses", class = "classes", index = "indexes", process = "processes", address = "addresses",
    alias = "aliases", entry = "entries", category = "categories", column = "columns", table = "tables",
    user = "users", group = "groups", permission = "permissions", role = "roles", resource = "resources",
    object = "objects", item = "items", step = "steps", task = "tasks", rule = "rules", pattern = "patterns",
    symbol = "symbols", character = "characters", char = "characters", shortcut = "shortcuts",
    sequence = "sequences", constant = "constants", library = "libraries", header = "headers",
    device = "devices", driver = "drivers", interface = "interfaces", node = "nodes", host = "hosts",
    server = "servers", client = "clients", browser = "browsers", distribution = "distributions",
    architecture = "architectures", system = "systems", extension = "extensions", encoding = "encodings",
    locale = "locales", country = "countries", currency = "currencies", font = "fonts", color = "colors",
    colour = "colours", request = "requests", response = "responses",
    endpoint = "endpoints", route = "routes", query = "queries", test = "tests", benchmark = "benchmarks",
    example = "examples", job = "jobs", action = "actions", message = "messages",
    warning = "warnings", exception = "exceptions", policy = "policies", capability = "capabilities",
    limit = "limits", token = "tokens", label = "labels", branch = "branches", commit = "commits",
    author = "authors", contributor = "contributors", maintainer = "maintainers", person = "people",
    member = "members", backend = "backends", provider = "providers",
    syscall = "syscalls", call = "calls", filesystem = "filesystems", partition = "partitions",
    sensor = "sensors", record = "records", row = "rows", cell = "cells",
    binding = "bindings", escape = "escapes", placeholder = "placeholders",
    term = "terms", word = "words", abbreviation = "abbreviations", acronym = "acronyms",
    component = "components", layer = "layers", stage = "stages", phase = "phases",
    matrix = "matrices", vertex = "vertices", axis = "axes", criterion = "criteria", child = "children",
    initiative = "initiatives", requirement = "requirements", dependency = "dependencies", issue = "issues",
    bug = "bugs", change = "changes", tip = "tips", note = "notes", link = "links", reference = "references",
    question = "questions", answer = "answers", goal = "goals", milestone = "milestones", area = "areas",
    team = "teams", project = "projects", repository = "repositories", account = "accounts", tier = "tiers",
    metric = "metrics", result = "results", limitation = "limitations", difference = "differences",
    alternative = "alternatives", prerequisite = "prerequisites", guideline = "guidelines",
    convention = "conventions", standard = "standards", specification = "specifications", section = "sections",
    chapter = "chapters", page = "pages", document = "documents", topic = "topics", lesson = "lessons",
    course = "courses", exercise = "exercises", operation = "operations", algorithm = "algorithms",
    cipher = "ciphers", curve = "curves", hash = "hashes", digest = "digests", scheme = "schemes",
    mechanism = "mechanisms", preset = "presets", filter = "filters", region = "regions",
    zone = "zones", site = "sites", domain = "domains", instance = "instances",
    image = "images", container = "containers", volume = "volumes", network = "networks", day = "days",
    month = "months", year = "years", date = "dates", size = "sizes", shell = "shells",
    editor = "editors", compiler = "compilers", framework = "frameworks", database = "databases",
    license = "licenses", licence = "licences", suffix = "suffixes",
    prefix = "prefixes", number = "numbers", chain = "chains",
  },
  de = {
    option = "Optionen", ["schlüssel"] = "Schlüssel", name = "Namen", parameter = "Parameter",
    befehl = "Befehle", variable = "Variablen", wert = "Werte", datei = "Dateien", feld = "Felder",
    eigenschaft = "Eigenschaften", funktion = "Funktionen", signal = "Signale", taste = "Tasten",
    argument = "Argumente", typ = "Typen", sprache = "Sprachen", version = "Versionen",
    verzeichnis = "Verzeichnisse", programm = "Programme", einstellung = "Einstellungen",
    zeichen = "Zeichen", fehler = "Fehler", modus = "Modi", format = "Formate", code = "Codes",
  },
  fr = {
    ["clé"] = "clés", option = "options", commande = "commandes", variable = "variables",
    valeur = "valeurs", fichier = "fichiers", champ = "champs", ["paramètre"] = "paramètres",
    nom = "noms", signal = "signaux", touche = "touches", fonction = "fonctions",
    argument = "arguments", type = "types", langue = "langues", version = "versions",
    ["répertoire"] = "répertoires", programme = "programmes", ["caractère"] = "caractères",
    erreur = "erreurs", mode = "modes", format = "formats", code = "codes",
  },
  es = {
    clave = "claves", ["opción"] = "opciones", comando = "comandos", variable = "variables",
    valor = "valores", archivo = "archivos", campo = "campos", ["parámetro"] = "parámetros",
    nombre = "nombres", ["señal"] = "señales", tecla = "teclas", ["función"] = "funciones",
    argumento = "argumentos", tipo = "tipos", idioma = "idiomas", ["versión"] = "versiones",
    directorio = "directorios", programa = "programas", ["carácter"] = "caracteres",
    error = "errores", modo = "modos", formato = "formatos", ["código"] = "códigos",
  },
  ru = {
    ["ключ"] = "ключей", ["параметр"] = "параметров", ["опция"] = "опций", ["команда"] = "команд",
    ["переменная"] = "переменных", ["значение"] = "значений", ["файл"] = "файлов", ["поле"] = "полей",
    ["имя"] = "имён", ["сигнал"] = "сигналов", ["функция"] = "функций", ["клавиша"] = "клавиш",
    ["аргумент"] = "аргументов", ["тип"] = "типов", ["язык"] = "языков", ["версия"] = "версий",
    ["каталог"] = "каталогов", ["программа"] = "программ", ["символ"] = "символов",
    ["ошибка"] = "ошибок", ["режим"] = "режимов", ["формат"] = "форматов", ["код"] = "кодов",
  },
}

return M
