s = '  Hello, World  '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
t = 'a,b,,c'
print(t.split(','), t.split(',', 1), 'a b  c'.split())
print('-'.join(['x', 'y', 'z']), ''.join(reversed('abc')))
print('hello'.replace('l', 'L'), 'hello'.replace('l', 'L', 1))
print('hello'.find('l'), 'hello'.find('z'), 'hello'.rfind('l'), 'hello'.index('e'))
print('Hello'.upper(), 'Hello'.lower(), 'hello world'.title(), 'hello'.capitalize())
print('hello'.startswith('he'), 'hello'.endswith('lo'), 'hello'.startswith(('x', 'h')))
print('abc'.isalpha(), '123'.isdigit(), 'a1'.isalnum(), '   '.isspace())
print('banana'.count('a'), 'x'.center(5, '*'), '7'.zfill(3), 'ab'.ljust(4, '.') + '|')
print('a-b-c'.partition('-'), 'a-b-c'.rpartition('-'))
print('line1\nline2\n'.splitlines(), 'SwapCase'.swapcase())
print('{} + {} = {}'.format(1, 2, 3), '{1}{0}'.format('a', 'b'), '{x}!'.format(x=5))
