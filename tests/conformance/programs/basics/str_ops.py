s = 'Python'
print(s[0], s[-1], s[1:4], s[:2], s[2:], s[::-1], s[::2], s[-3:])
print(len(s), 'th' in s, 'z' not in s)
print(s + '!' * 3, s * 2)
print(ord('A'), chr(97), ord('€'), chr(8364))
print('abc' < 'abd', 'Z' < 'a', 'apple' < 'apples')
print(str(42), str(3.5), str([1, 'a']), repr('it\'s'), repr("q\"uote"))
print('tab\there', 'new\\nline')
print(list('abc'), sorted('hello'))
for ch in 'hi!':
    print(ch, end=' ')
print()
print('%s is %d years, %.2f%%' % ('Ann', 30, 12.345))
print(repr('caf\u00e9'), repr('\x00\x7f'), ascii('café'))
