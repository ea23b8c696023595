/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the architecture code offers kernel/main.c during boot, one call
 * per step.
 */
#ifndef _ASM_X86_SETUP_H
#define _ASM_X86_SETUP_H

#include <linux/types.h>

struct boot_info;

void serial_init(void);
int serial_getc_poll(void);
void vga_init(void);
void vga_draw_cell(unsigned int row, unsigned int col, char c, u8 attr);
void vga_clear_screen(void);
#define VGA_SCREEN_ROWS	25
#define VGA_SCREEN_COLS	80
void tsc_init(void);
void gdt_init(void);
void gdt_load_this_cpu(void);
void idt_load(void);
void idt_init(void);
void i8259_init(void);
void apic_init(void);
void setup_boot_cpu_gs(void);
void acpi_boot_init(void);
void x86_init_memory(const struct boot_info *bi, phys_addr_t mbi_phys,
		     u32 mbi_size);

/* Stop the machine; under QEMU with isa-debug-exit, status is the exit code. */
void __attribute__((__noreturn__)) machine_power_off(void);
void __attribute__((__noreturn__)) machine_restart(void);
void __attribute__((__noreturn__)) qemu_exit(int status);

extern char _text[], _etext[], _rodata[], _erodata[], _data[], _edata[];
extern char __bss_start[], __bss_stop[], _end[];
extern char boot_stack_guard[], boot_stack_top[];

#endif /* _ASM_X86_SETUP_H */
