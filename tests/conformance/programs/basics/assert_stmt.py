assert 1 + 1 == 2
assert True, 'never shown'
try:
    assert 2 + 2 == 5, 'math is broken'
except AssertionError as e:
    print('AssertionError:', e)
try:
    assert []
except AssertionError as e:
    print('empty message:', repr(e.args))
x = 5
assert isinstance(x, int) and x > 0
print('all good')
