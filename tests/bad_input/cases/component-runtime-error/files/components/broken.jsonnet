local x = 1;
if x == 1 then error 'the broken component refuses' else {}
