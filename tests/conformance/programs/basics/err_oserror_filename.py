# An uncaught FileNotFoundError made with errno, message and file name
def load(path):
    raise FileNotFoundError(2, 'No such file or directory', path)


load('data.csv')
