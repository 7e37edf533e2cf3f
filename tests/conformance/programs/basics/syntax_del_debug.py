x = 1
del __debug__
