from shouhu.platform.migrations import run_env

run_env()
