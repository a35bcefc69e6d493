/*
 * The reference for `allegiance af -p SE-GR`: the grounded extension of an ICCMA'23 file by the
 * plain counting algorithm (an argument is IN once all its attackers are OUT, OUT once an attacker
 * is IN), printed as "w 1 4 5". The startup benchmark builds it with `cc -O2` and times both
 * programs on the same file, end to end, as ICCMA times solvers.
 *
 *   cc -O2 -o grounded grounded.c && ./grounded framework.af
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned char *slurp(const char *path, size_t *length) {
  FILE *file = fopen(path, "rb");
  if (!file) return NULL;
  fseek(file, 0, SEEK_END);
  long size = ftell(file);
  fseek(file, 0, SEEK_SET);
  unsigned char *bytes = malloc((size_t)size + 1);
  if (fread(bytes, 1, (size_t)size, file) != (size_t)size) return NULL;
  fclose(file);
  bytes[size] = '\n';
  *length = (size_t)size + 1;
  return bytes;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: grounded FILE\n");
    return 1;
  }
  size_t length;
  unsigned char *bytes = slurp(argv[1], &length);
  if (!bytes) {
    fprintf(stderr, "cannot read %s\n", argv[1]);
    return 1;
  }
  long n = -1, count = 0, capacity = 1 << 20;
  int *from = malloc(sizeof(int) * capacity), *to = malloc(sizeof(int) * capacity);
  size_t pos = 0;
  while (pos < length) {
    unsigned char c = bytes[pos];
    if (c == '\n' || c == '#') {
      while (bytes[pos] != '\n') pos++;
      pos++;
      continue;
    }
    if (c == 'p') {
      while (bytes[pos] < '0' || bytes[pos] > '9') pos++;
      n = 0;
      while (bytes[pos] >= '0' && bytes[pos] <= '9') n = n * 10 + (bytes[pos++] - '0');
      while (bytes[pos] != '\n') pos++;
      pos++;
      continue;
    }
    long a = 0, b = 0;
    while (bytes[pos] >= '0' && bytes[pos] <= '9') a = a * 10 + (bytes[pos++] - '0');
    while (bytes[pos] == ' ' || bytes[pos] == '\t') pos++;
    while (bytes[pos] >= '0' && bytes[pos] <= '9') b = b * 10 + (bytes[pos++] - '0');
    while (bytes[pos] != '\n') pos++;
    pos++;
    if (count == capacity) {
      capacity *= 2;
      from = realloc(from, sizeof(int) * capacity);
      to = realloc(to, sizeof(int) * capacity);
    }
    from[count] = (int)(a - 1);
    to[count] = (int)(b - 1);
    count++;
  }
  if (n < 0) {
    fprintf(stderr, "no header\n");
    return 1;
  }
  int *start = calloc((size_t)n + 1, sizeof(int)), *attacked = malloc(sizeof(int) * (count + 1));
  int *attackers = calloc((size_t)n, sizeof(int));
  for (long i = 0; i < count; i++) start[from[i] + 1]++, attackers[to[i]]++;
  for (long x = 0; x < n; x++) start[x + 1] += start[x];
  int *fill = malloc(sizeof(int) * (n + 1));
  memcpy(fill, start, sizeof(int) * (n + 1));
  for (long i = 0; i < count; i++) attacked[fill[from[i]]++] = to[i];
  /* 0 undecided, 1 in, 2 out */
  unsigned char *label = calloc((size_t)n, 1);
  int *queue = malloc(sizeof(int) * (n + 1));
  long head = 0, tail = 0;
  for (long x = 0; x < n; x++)
    if (attackers[x] == 0) label[x] = 1, queue[tail++] = (int)x;
  while (head < tail) {
    int x = queue[head++];
    for (int i = start[x]; i < start[x + 1]; i++) {
      int y = attacked[i];
      if (label[y] != 0) continue;
      label[y] = 2;
      for (int j = start[y]; j < start[y + 1]; j++) {
        int z = attacked[j];
        if (label[z] == 0 && --attackers[z] == 0) label[z] = 1, queue[tail++] = z;
      }
    }
  }
  static char out[1 << 16];
  size_t used = 0;
  out[used++] = 'w';
  for (long x = 0; x < n; x++) {
    if (label[x] != 1) continue;
    if (used > sizeof out - 16) fwrite(out, 1, used, stdout), used = 0;
    used += (size_t)sprintf(out + used, " %ld", x + 1);
  }
  out[used++] = '\n';
  fwrite(out, 1, used, stdout);
  return 0;
}
