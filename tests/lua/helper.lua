-- busted helper: specs run inside vgrun, so require("vg") is the engine's.
package.path = "./tests/lua/?.lua;" .. package.path
