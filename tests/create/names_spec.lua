-- Output names made from a document's words (lua/vg/create/outputs.lua on
-- stages/input/file_names.c): a title or an input's name with accents is
-- folded to ASCII ("Français" was "fran_ais" as an input's name and
-- "fran-ais" as a part's slug), Cyrillic and Greek transliterated, a title
-- in another script kept as written (it was "part", an input's name
-- "video"), and no name leaves its folder or hides.
local outputs = require("vg.create.outputs")

describe("output names", function()
  it("a part's slug folds accents and keeps other scripts", function()
    local videos = { { title = "Français et Über" }, { title = "Введение" }, { title = "はじめに：日本語" },
      { title = "한국어 제목" }, { title = "🚀 ../../etc/passwd" }, { title = "…" } }
    local paths = assert(outputs.output_paths({ output = "out/guide.mp4" }, videos, "in/doc.md"))
    assert.same({ "out/guide-01-francais-et-uber.mp4", "out/guide-02-vvedenie.mp4",
      "out/guide-03-はじめに-日本語.mp4", "out/guide-04-한국어-제목.mp4", "out/guide-05-etc-passwd.mp4",
      "out/guide-06-part.mp4" }, paths)
  end)

  it("an input's name in a folder keeps its letters", function()
    assert.same({ "out/Francais_notes.mp4" },
      outputs.output_paths({ output = "out/" }, { { title = "x" } }, "in/Français notes.md"))
    assert.same({ "out/日本語ガイド.mp4" },
      outputs.output_paths({ output = "out/" }, { { title = "x" } }, "in/日本語ガイド.md"))
    assert.same({ "out/con_.mp4" }, outputs.output_paths({ output = "out/" }, { { title = "x" } }, "in/con.md"))
  end)

  it("names are bounded in bytes, cut between characters", function()
    local long = string.rep("日", 40)   -- 120 bytes
    local s = outputs.slug(long)
    assert.is_true(#s <= 60)
    assert.equals(string.rep("日", 20), s)
    assert.equals(string.rep("日", 33), outputs.safe_name(long, "video"))
    assert.equals("video", outputs.safe_name("../..", "video"))
    assert.equals("hidden", outputs.safe_name(".hidden", "video"))
  end)
end)
