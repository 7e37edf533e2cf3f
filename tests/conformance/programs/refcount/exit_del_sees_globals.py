class R:
    def __del__(self): print('log is', log)
log = []; r = R(); s = r
print('end')
