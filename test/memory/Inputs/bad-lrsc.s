  lr.w t0, (a0)
  sc.d t1, t2, (a0)
  bnez t1, .-8
  lr.w t0, (a0)
  addi t3, t3, 1
  sc.w t1, t2, (a0)
