-- Comments in code on slides (vg.scenes.comments): a line that is only a
-- comment may be set as several comment lines, and comments each over the
-- one command they name may stand after it. Run by vgrun (busted style).
local comments = require("vg.scenes.comments")

describe("comment lines", function()
  it("are told from code by the block's language", function()
    assert.are.equal("# ", (comments.full_line("# cd into foo", "sh")))
    assert.are.equal("  // ", (comments.full_line("  // set up", "c")))
    assert.are.equal("-- ", (comments.full_line("-- the module", "lua")))
    assert.is_nil(comments.full_line("#include <stdio.h>", "c"))
    assert.is_nil(comments.full_line("#!/bin/sh", "sh"))
    assert.is_nil(comments.full_line("z foo   # cd into foo", "sh"))
    assert.is_nil(comments.full_line("#", "sh"))
    assert.is_nil(comments.full_line("-- not a comment in shell", "sh"))
    assert.is_nil(comments.full_line("# A heading", "markdown"))
  end)

  it("are reflowed between words, each piece with its mark and indent", function()
    local lines = { "  # go to the highest ranked directory matching foo and bar", "  z foo bar" }
    local out, from = comments.reflow(lines, { 1, 2 }, 30, "sh")
    -- (never a word alone on the comment's last line: "and" goes down with "bar")
    assert.are.same({ "  # go to the highest ranked", "  # directory matching foo", "  # and bar", "  z foo bar" }, out)
    assert.are.same({ 1, 1, 1, 2 }, from)
    for _, l in ipairs(out) do assert.is_true(#l <= 30) end
  end)

  it("leave code alone, and say when a comment would take too many lines", function()
    assert.is_nil(comments.reflow({ "settings = load_the_settings_file_from_disk(path)" }, { 1 }, 20, "python"))
    assert.is_nil(comments.reflow({ "# short", "x = 1" }, { 1, 2 }, 40, "python"))
    local out, why = comments.reflow({ "# a b c d e f g h i j k l m n o p q r s t u v w x y z" }, { 1 }, 8, "sh")
    assert.is_nil(out)
    assert.are.equal("long", why)
    -- a word longer than the line stands on its own line
    out = comments.reflow({ "# see https://example.com/a/very/long/path/to/a/page for more" }, { 1 }, 24, "sh")
    assert.are.same({ "# see", "# https://example.com/a/very/long/path/to/a/page", "# for more" }, out)
  end)
end)

describe("trailing comments", function()
  it("are told from code outside quotes", function()
    local code, note = comments.trailing("make -j8  # build it", "sh")
    assert.are.equal("make -j8", code)
    assert.are.equal("# build it", note)
    assert.are.same({ "f(x);", "// why" }, { comments.trailing("f(x);  // why", "c") })
    assert.is_nil(comments.trailing('echo "a # b"', "sh"))
    assert.is_nil(comments.trailing("curl https://example.com/#top", "sh"))
    assert.is_nil(comments.trailing("# a comment line", "sh"))
  end)

  it("of a line too long stand above it, reflowed as comment lines", function()
    local lines = { "  cmake -S . -B build -DX=ON  # configure the release build with X on", "  make" }
    local out, from = comments.lift(lines, { 1, 2 }, 30, "sh")
    assert.are.same({ "  # configure the release", "  # build with X on", "  cmake -S . -B build -DX=ON", "  make" }, out)
    assert.are.same({ 1, 1, 1, 2 }, from)
    -- a line that fits keeps its comment after it
    assert.is_nil(comments.lift({ "make  # build it" }, { 1 }, 30, "sh"))
  end)
end)

describe("comments beside their commands", function()
  it("stand after the one command each names, in a column", function()
    local lines = { "# On Alpine Linux", "apk add bat", "# On Fedora", "dnf install bat", "",
      "# On FreeBSD", "pkg install bat" }
    local out, from = comments.beside(lines, "bash")
    assert.are.same({ "apk add bat      # On Alpine Linux", "dnf install bat  # On Fedora", "",
      "pkg install bat  # On FreeBSD" }, out)
    assert.are.same({ 1, 3, 5, 6 }, from)
  end)

  it("only where three pairs or more make at least half the block", function()
    assert.is_nil(comments.beside({ "# Build", "cd fd", "cargo build", "# Test", "cargo test" }, "sh"))
    assert.is_nil(comments.beside({ "# a", "x", "# b", "y", "z", "w", "v", "u", "t", "s", "r", "q", "p" }, "sh"))
    -- a comment over two commands, or a command with a comment of its own
    assert.is_nil(comments.beside({ "# a", "x", "y", "# b", "z  # zed", "# c", "w" }, "sh"))
  end)
end)
