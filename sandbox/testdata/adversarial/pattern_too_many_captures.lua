-- expect: error:too many captures
return string.find('x', string.rep('(', 40) .. 'x' .. string.rep(')', 40))
