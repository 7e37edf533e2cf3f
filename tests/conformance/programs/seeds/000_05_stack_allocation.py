# seed 000_cfde1c38ef63e256.txt, example 5, under "1. Stack Memory Allocation" (code unchanged; it prints nothing)
def func():
    #These initializations are stored in stack memory
    x = 10 
    y = "Apple"
