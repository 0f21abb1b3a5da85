"""Runs localstripe's aiohttp application on 127.0.0.1 with a state file of its own.

localstripe 1.15.10 hard-codes its state file (/tmp/localstripe.pickle) in
Store.try_load_from_disk and Store.dump_to_disk, and its start() binds every
interface. This launcher replaces both Store methods with ones that use the
file given on the command line, then serves the same application object
(localstripe.server.app) on the loopback address only.
"""

import argparse
import pickle
import signal

from aiohttp import web
from localstripe import resources, server


def use_state_file(path):
    """Point localstripe's store at `path` for loading and saving."""

    def try_load_from_disk(store):
        try:
            with open(path, "rb") as file:
                saved = pickle.load(file)
        except FileNotFoundError:
            return
        store.clear()
        store.update(saved)

    def dump_to_disk(store):
        with open(path, "wb") as file:
            pickle.dump(store, file, protocol=pickle.HIGHEST_PROTOCOL)

    resources.Store.try_load_from_disk = try_load_from_disk
    resources.Store.dump_to_disk = dump_to_disk


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True, help="TCP port on 127.0.0.1")
    parser.add_argument("--state", required=True, help="file that keeps the server's state")
    args = parser.parse_args()

    # A parent may start this process with signals blocked (Foundation's
    # Process on Linux does); unblock them so SIGTERM stops the server.
    signal.pthread_sigmask(signal.SIG_SETMASK, set())

    use_state_file(args.state)
    resources.store.try_load_from_disk()
    web.run_app(server.app, host="127.0.0.1", port=args.port, print=None, access_log=None)


if __name__ == "__main__":
    main()
