import hashlib, base64, json
msg = input().encode()
print(hashlib.sha256(msg).hexdigest())
print(hashlib.md5(msg).hexdigest(), hashlib.sha1(b"").hexdigest()[:8])
h = hashlib.sha256()
for chunk in (msg[:3], msg[3:]):
    h.update(chunk)
print(h.hexdigest() == hashlib.sha256(msg).hexdigest())
enc = base64.b64encode(msg)
print(enc, base64.b64decode(enc) == msg, base64.urlsafe_b64encode(b"\xff\xfe").decode(), base64.b16encode(b"hi"))
print(json.dumps({"digest": hashlib.blake2b(msg, digest_size=8).hexdigest()}))
