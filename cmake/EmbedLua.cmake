# vg_embed_lua(<out.c> <root> <files>): compiles lua/**/*.lua into a C table
# { module name, chunk name "@lua/vg/x.lua", bytes } used for package.preload.
function(vg_embed_lua out root files)
  string(REPLACE ";" "," joined "${files}")
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DROOT=${root} "-DFILES=${joined}"
            -P ${CMAKE_SOURCE_DIR}/cmake/embed_lua_run.cmake
    DEPENDS ${files} ${CMAKE_SOURCE_DIR}/cmake/embed_lua_run.cmake
    COMMENT "Embedding Lua sources" VERBATIM)
endfunction()
