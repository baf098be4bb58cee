-- vg.timing: the seconds a scene's length is made of, in one table. The
-- timeline, the layouts and the fit read it in Lua; the length model in C
-- (stages/input/narrate.c: the plan, `vgrun scenes`, --duration) evaluates
-- this file once in a private interpreter, as lang.c does vg.i18n, so the
-- plan and the video cannot drift apart. It is data only: no function, no
-- require (the C side opens no library).
return {
  lead_in = 0.4,     -- silence before a scene's narration (vg.create.options)
  tail = 0.6,        -- silence after it
  min_scene = 2.0,   -- no scene is shorter
  enter = 0.55,      -- a layout's entrance (vg.render.ENTER: 4 * STAGGER + ENTER_EACH)
  step = 0.25,       -- the reveal of one item (vg.render.STEP)
  hold = 0.5,        -- a scene stays this long after its layout settles
  read_item = 0.8,   -- an item nobody names stays this long to be read
  reveal_min = 0.35, -- items revealed at one pace: at least this far apart
  reveal_max = 2.5,  -- and at most this far
  code_line = 1.5,   -- a code slide stays up this long a line
  code_min = 4.0,    -- and at least this long
  read_look = 1.0,   -- a scene nothing is said in: a moment to look,
  read_wps = 4.0,    -- then its words read at this many a second
  read_cell = 0.5,   -- a table slide stays up this long a cell it shows
}
