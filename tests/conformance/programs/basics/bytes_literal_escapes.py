print(b"a\x00\n\\", rb"\d", B'\101\q', len(b""))
