"""Verifies a message's DKIM signature with dkimpy, an independent implementation.

    python3 dkim_verify.py MESSAGE_FILE TXT_RECORD

TXT_RECORD is what the domain would publish at `{selector}._domainkey.{domain}`
(`v=DKIM1; k=rsa; p=...`): the lookup is answered with it instead of DNS, for the name the
signature's s= and d= give. Prints the signature's tags; exits 0 when it verifies.
"""

import sys

import dkim


def main() -> int:
    path, record = sys.argv[1], sys.argv[2]
    with open(path, "rb") as f:
        message = f.read()
    # A mail store may keep a message with bare LF line ends; on the wire it had CRLF.
    message = message.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    looked_up = []

    def dns(name, timeout=5):
        looked_up.append(name.decode() if isinstance(name, bytes) else name)
        return record.encode()

    verifier = dkim.DKIM(message)
    ok = verifier.verify(dnsfunc=dns)
    signature = verifier.signature_fields or {}
    tags = {k.decode(): v.decode(errors="replace") for k, v in signature.items() if k != b"b"}
    print(f"verified={ok} lookup={looked_up} tags={tags}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
