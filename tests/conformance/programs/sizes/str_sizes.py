import sys
samples = ['', 'a', 'ab', 'hello', 'hello world', 'x' * 100, 'é', 'café', 'ÿÿ', '€', 'a€', '日本語', '😀', 'a😀', '\u0100']
for s in samples:
    print(ascii(s)[:24], len(s), sys.getsizeof(s))
