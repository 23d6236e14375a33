#include "app/cli.h"

int main(int argc, char** argv) { return apertura::app::run_cli(argc, argv); }
