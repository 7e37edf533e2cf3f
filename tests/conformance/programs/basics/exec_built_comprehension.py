exec("print([c fo" + "r c in 'ab'])")
