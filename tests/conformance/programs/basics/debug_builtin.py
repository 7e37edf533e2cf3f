# __debug__: True, in builtins too; `if __debug__:` is decided by the compiler
import builtins

print(__debug__, builtins.__debug__, '__debug__' in dir(builtins), type(__debug__))
if __debug__:
    print('debug on')
else:
    print('debug off')
print(eval('__debug__'), getattr(builtins, '__debug__'))
