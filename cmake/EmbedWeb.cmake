# vg_embed_web(<root>): every file under <root> (web/) becomes part of the
# binary: a generated C table { URL path, strong ETag, bytes } behind the
# binding module vg.web_files (lookup(path) -> bytes, etag; list() -> paths),
# read by lua/vg/serve/static.lua. No build step beyond this copy: the pages
# are plain HTML, CSS and ES modules.
function(vg_embed_web root)
  file(GLOB_RECURSE files CONFIGURE_DEPENDS ${root}/*)
  set(out ${CMAKE_BINARY_DIR}/gen/vg_web_files.c)
  string(REPLACE ";" "," joined "${files}")
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DROOT=${root} "-DFILES=${joined}"
            -P ${CMAKE_SOURCE_DIR}/cmake/embed_web_run.cmake
    DEPENDS ${files} ${CMAKE_SOURCE_DIR}/cmake/embed_web_run.cmake
    COMMENT "Embedding web pages" VERBATIM)
  vg_add_stage(web SOURCES ${out} MODULES web_files)
endfunction()
