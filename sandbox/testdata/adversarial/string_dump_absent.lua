-- expect: error:attempt to call a nil value (field 'dump')
return string.dump(print)
