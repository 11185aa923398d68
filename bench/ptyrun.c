/*
 * ptyrun: runs a command on a new pseudo-terminal and waits for it.
 *
 *   ptyrun [-s COLUMNSxLINES] COMMAND [ARGUMENT]...
 *
 * The command's standard input, output and error are the terminal
 * (default 160x50), as when a person starts it. ptyrun reads and
 * discards everything the command writes until it exits, then exits
 * with its status (128 + N when signal N ended it). Whole-process
 * timings of the browser so include a real terminal without the
 * start-up cost of script(1), which took over 20 ms to run 'true' on
 * the benchmark machine.
 */
#include <errno.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

static void
usage(void)
{
	fprintf(stderr, "usage: ptyrun [-s COLUMNSxLINES] COMMAND "
	    "[ARGUMENT]...\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	struct winsize	 ws = { .ws_row = 50, .ws_col = 160 };
	char		 buf[65536];
	unsigned int	 cols, rows;
	pid_t		 pid;
	ssize_t		 n;
	int		 master, status, ch;

	while ((ch = getopt(argc, argv, "+s:")) != -1) {
		switch (ch) {
		case 's':
			if (sscanf(optarg, "%ux%u", &cols, &rows) != 2 ||
			    cols == 0 || rows == 0 || cols > 1000 || rows > 1000)
				usage();
			ws.ws_col = (unsigned short)cols;
			ws.ws_row = (unsigned short)rows;
			break;
		default:
			usage();
		}
	}
	if (optind >= argc)
		usage();

	pid = forkpty(&master, NULL, NULL, &ws);
	if (pid == -1) {
		fprintf(stderr, "ptyrun: forkpty failed: %s\n",
		    strerror(errno));
		return 2;
	}
	if (pid == 0) {
		execvp(argv[optind], argv + optind);
		fprintf(stderr, "ptyrun: cannot run %s: %s\n", argv[optind],
		    strerror(errno));
		_exit(127);
	}

	/* Linux reports EIO on the master once the last slave is closed. */
	for (;;) {
		n = read(master, buf, sizeof buf);
		if (n > 0)
			continue;
		if (n == -1 && errno == EINTR)
			continue;
		break;
	}
	close(master);
	if (waitpid(pid, &status, 0) == -1) {
		fprintf(stderr, "ptyrun: waiting for %s failed: %s\n",
		    argv[optind], strerror(errno));
		return 2;
	}
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}
