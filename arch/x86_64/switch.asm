; SPDX-License-Identifier: GPL-2.0
;
; arch/x86_64/switch.asm - switching from one task's stack to another's.
;
; __switch_to_asm(&prev->thread_sp, next->thread_sp) pushes the registers
; the C calling convention says a function must preserve, parks the stack
; pointer in prev, takes next's stack pointer and pops next's registers:
; the "ret" then returns into whatever next was doing when it was
; switched out (inside its own call of __switch_to_asm).  All other
; registers are already saved by the C code that called us.
;
; A new kernel thread's stack is prepared (kernel/kthread.c) to look as
; if it had been switched out just before kthread_trampoline: the pops
; give RBX = the task, RBP = 0 (the end of every backtrace), and "ret"
; lands in kthread_trampoline, which calls kthread_entry(task).

global __switch_to_asm, kthread_trampoline
extern kthread_entry

section .text
__switch_to_asm:
	push rbp
	push rbx
	push r12
	push r13
	push r14
	push r15
	mov [rdi], rsp
	mov rsp, rsi
	pop r15
	pop r14
	pop r13
	pop r12
	pop rbx
	pop rbp
	ret

kthread_trampoline:
	mov rdi, rbx
	call kthread_entry
	ud2				; kthread_entry never returns
