"""A scripted SMTP server on a thread, for the findings: it answers each command as told, keeps
the envelope like Postfix (a MAIL inside a transaction is "503 nested MAIL command") and records
every command and every message it took."""

import socket
import threading


class FakeSMTP:
    def __init__(self, rcpt=None, data=None, end_of_data=None):
        # Each a function (the argument) -> reply line, or None for the usual answer.
        self.rcpt = rcpt or (lambda address: None)
        self.data = data or (lambda: None)
        self.end_of_data = end_of_data or (lambda: None)
        self.commands, self.taken = [], []
        self.server = socket.socket()
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen()
        self.port = self.server.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def rcpts(self):
        return [
            c.split(":", 1)[1].strip().strip("<>") for c in self.commands if c[:4].upper() == "RCPT"
        ]

    def _serve(self):
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            threading.Thread(target=self._session, args=(conn,), daemon=True).start()

    def _session(self, conn):
        file = conn.makefile("rb")

        def say(line):
            conn.sendall(line.encode() + b"\r\n")

        say("220 fake ESMTP")
        in_mail, rcpts = False, []
        try:
            while line := file.readline():
                command = line.decode(errors="replace").rstrip("\r\n")
                self.commands.append(command)
                verb = command[:4].upper()
                if verb in ("EHLO", "HELO"):
                    say("250 fake")
                elif verb == "MAIL":
                    if in_mail:
                        say("503 5.5.1 Error: nested MAIL command")
                    else:
                        in_mail, rcpts = True, []
                        say("250 2.1.0 Ok")
                elif verb == "RCPT":
                    address = command.split(":", 1)[1].strip().strip("<>")
                    reply = self.rcpt(address)
                    if reply is None:
                        rcpts.append(address)
                        reply = "250 2.1.5 Ok"
                    say(reply)
                elif verb == "DATA":
                    reply = self.data()
                    if reply is not None:
                        say(reply)  # refused: the envelope stays, as in Postfix
                        continue
                    say("354 End data with <CR><LF>.<CR><LF>")
                    body = []
                    while (chunk := file.readline()) not in (b".\r\n", b""):
                        body.append(chunk)
                    in_mail = False
                    reply = self.end_of_data()
                    if reply is None:
                        self.taken.append((list(rcpts), b"".join(body)))
                        reply = "250 2.0.0 Ok: queued"
                    say(reply)
                elif verb == "RSET":
                    in_mail, rcpts = False, []
                    say("250 2.0.0 Ok")
                elif verb == "QUIT":
                    say("221 2.0.0 Bye")
                    break
                else:
                    say("502 5.5.2 Error: command not recognized")
        except OSError:
            pass
        finally:
            conn.close()

    def stop(self):
        self.server.close()
