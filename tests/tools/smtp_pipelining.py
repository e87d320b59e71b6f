"""An SMTP server that advertises PIPELINING (RFC 2920), for tests/tests/smtp_pipelining.rs.

aiosmtpd reads pipelined commands correctly but does not advertise the extension; this
handler adds it, refuses recipients whose address starts with "refused" (550), keeps the
accepted messages in a Maildir, and writes one line per MAIL command to LOG:
"<peer port> <pipelined|alone>": "pipelined" when the RCPT and DATA that follow were
already waiting in the server's input as MAIL was read, i.e. came in the same write; and
one line per message's content: "<peer port> content <followed|last>", "followed" when
the next command (the next message's MAIL) came in the same write as the content's end.

    python3 smtp_pipelining.py PORT MAILDIR LOG
"""

import signal
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox


class Pipelining(Mailbox):
    def __init__(self, maildir, log):
        super().__init__(maildir)
        self.log = log

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        # Before the last line ("250 HELP"), which must stay the last.
        return responses[:-1] + ["250-PIPELINING"] + responses[-1:]

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        # aiosmtpd keeps its asyncio reader as `_reader`; what it holds beyond the MAIL
        # line just read was sent with it.
        waiting = len(getattr(server._reader, "_buffer", b""))
        with open(self.log, "a") as log:
            log.write(f"{session.peer[1]} {'pipelined' if waiting else 'alone'}\n")
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        waiting = len(getattr(server._reader, "_buffer", b""))
        with open(self.log, "a") as log:
            log.write(f"{session.peer[1]} content {'followed' if waiting else 'last'}\n")
        return await super().handle_DATA(server, session, envelope)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("refused"):
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def main():
    port, maildir, log = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    controller = Controller(Pipelining(maildir, log), hostname="127.0.0.1", port=port)
    controller.start()
    # The controller serves from its own thread; this one waits to be killed.
    signal.pause()


if __name__ == "__main__":
    main()
