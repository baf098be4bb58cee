-- busted's own runner (/usr/bin/busted) under vgrun, which runs as scripts
-- only .lua files and files whose #! line names vgrun (lua/vg/cli.lua)
require("busted.runner")({ standalone = false })
