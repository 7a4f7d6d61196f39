-- expect: error:attempt to call a nil value (field 'execute')
return os.execute('echo pwned')
