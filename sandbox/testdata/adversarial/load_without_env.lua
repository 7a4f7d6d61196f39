-- expect: error:explicit environment
return load('return 1')
