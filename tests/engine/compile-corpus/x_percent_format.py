s = 'a%sb%d' % (x, y)
t = '%s' % x
