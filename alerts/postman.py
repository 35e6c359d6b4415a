"""Handing messages to the mail server so that each is sent once, even by a worker killed at any
moment or racing another.

The record that a message was sent is committed after the server has received the whole message
and before it is told to take it: the final "." of SMTP's DATA (RFC 5321, 3.3). A worker that dies
before the commit leaves the server a connection closed mid-message, which it discards, and the
message still due for another try; one that dies after it has sent the message, or (in the few
microseconds between the commit and writing the ".") loses it, rather than sending it twice.
The commit is conditional (`claim`): of two workers holding the same message, one sends it."""

import re
import smtplib
import socket

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend
from django.core.mail.message import sanitize_address

# Lines of the message that start with "." get another one (RFC 5321, 4.5.2).
DOT_STUFFING = re.compile(rb"^\.", re.MULTILINE)


class Refused(Exception):
    """The server answered no to this message: for good (5xx) or for now (4xx)."""

    def __init__(self, code, reply):
        text = reply.decode(errors="replace") if isinstance(reply, bytes) else str(reply)
        super().__init__(f"{code} {text}")
        self.permanent = 500 <= code < 600


def _expect(answer, *codes):
    code, reply = answer
    if code not in codes:
        raise Refused(code, reply)


class Postman:
    """One connection to the mail backend for a batch of messages."""

    def __init__(self):
        self.backend = get_connection()
        self.two_phase = isinstance(self.backend, EmailBackend)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.backend.close()

    def deliver(self, message, claim):
        """Send `message` if `claim()` (which records it as sent) says it is still ours.
        Returns whether it was sent; raises Refused, or OSError/SMTPException for the connection,
        in which case nothing was claimed, or the claim is to be undone (Refused after DATA)."""
        if not self.two_phase:
            # The console, a file or memory: nothing can fail between the claim and the sending.
            if not claim():
                return False
            self.backend.send_messages([message])
            return True
        if self.backend.connection is None:
            self.backend.open()
            # The message and its final "." are two writes: without this, Nagle's algorithm holds
            # the second until the server's delayed ACK, some 40 ms per message.
            self.backend.connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            return self._send(self.backend.connection, message, claim)
        except (OSError, smtplib.SMTPException):
            self._drop()  # a connection in an unknown state is not used again
            raise

    def _send(self, smtp, message, claim):
        encoding = message.encoding or settings.DEFAULT_CHARSET
        data = message.message().as_bytes(linesep="\r\n")
        if not data.endswith(b"\r\n"):
            data += b"\r\n"
        smtp.ehlo_or_helo_if_needed()
        try:
            _expect(smtp.mail(sanitize_address(message.from_email, encoding)), 250)
            for recipient in message.recipients():
                _expect(smtp.rcpt(sanitize_address(recipient, encoding)), 250, 251)
            _expect(smtp.docmd("DATA"), 354)
        except Refused:
            smtp.rset()  # the server keeps the envelope otherwise: the next MAIL would be refused
            raise
        smtp.send(DOT_STUFFING.sub(b"..", data))
        if not claim():
            self._drop()  # mid-DATA: the server discards what it received
            return False
        smtp.send(b".\r\n")
        try:
            answer = smtp.getreply()
        except (OSError, smtplib.SMTPServerDisconnected):
            self._drop()
            return True  # it had the whole message: taken, most likely, and never sent twice
        _expect(answer, 250)
        return True

    def _drop(self):
        """Close the socket without QUIT, which in the middle of DATA would be read as text."""
        if self.backend.connection is not None:
            self.backend.connection.close()
            self.backend.connection = None
