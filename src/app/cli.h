#pragma once
// The `apertura` command line: serve, migrate, demo, user, backup, audit.
namespace apertura::app {

int run_cli(int argc, char** argv);

}  // namespace apertura::app
