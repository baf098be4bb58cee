-- vgrun help [COMMAND]: the same text as `vgrun --help` / `vgrun COMMAND --help`.
local SPEC = {
  name = "help",
  summary = "show the help of vgrun or of one command",
  synopsis = { "[COMMAND]" },
  description = "Prints what `vgrun --help` prints, or with a COMMAND what `vgrun COMMAND --help` prints.",
  options = {},
  args = { name = "COMMAND", max = 1, complete = "commands" },
  exit = { { 0, "the help was printed" }, { 2, "no such command" } },
}

return {
  spec = SPEC,
  summary = SPEC.summary,
  run = function(args)
    local help = require("vg.help")
    local name = args[1]
    if name == nil then io.write(help.main_text()); return 0 end
    if name == "-h" or name == "--help" then io.write(help.text("help")); return 0 end
    local text = help.text(name)
    if not text then
      io.stderr:write(string.format("vgrun help: no command '%s' (commands: %s)\n", require("vg.shown").name(name),
        table.concat(help.commands(), ", ")))
      return 2
    end
    io.write(text)
    return 0
  end,
}
