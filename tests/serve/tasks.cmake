# The task manager (lua/vg/serve/tasks.lua): busted through the manager, and
# a kill -9 of a process that runs it, then a restart that resumes.
vg_add_busted_test(serve_tasks ${CMAKE_CURRENT_LIST_DIR}/tasks_spec.lua)
set_tests_properties(serve_tasks PROPERTIES TIMEOUT 600)
vg_add_script_test(serve_tasks_restart ${CMAKE_CURRENT_LIST_DIR}/restart.sh)
set_tests_properties(serve_tasks_restart PROPERTIES TIMEOUT 600)
