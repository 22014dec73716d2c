"""Jupyter's own kernel test suite (Debian python3-jupyter-kernel-test) with lscb-java's code samples.

Run by lscb.kernel.JupyterProtocolTest with JUPYTER_PATH naming a folder that holds the kernelspec.
"""
import time
import unittest

import jupyter_kernel_test


class LscbJavaKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "lscb-java"
    language_name = "java"
    file_extension = ".java"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("to stderr");'

    completion_samples = [
        {"text": "Math.floorM", "matches": {"floorMod("}},
        {"text": "%mave", "matches": {"%maven", "%mavenRepo"}},
    ]
    complete_code_samples = ["int a = 1;", "System.out.println(1);", "record P(int x) {}"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int f(int x) {"]
    invalid_code_samples = ["int x = );", "}"]

    code_generate_error = 'throw new IllegalStateException("boom");'
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"lscb".toUpperCase()', "result": "LSCB"},
    ]
    code_display_data = [
        {"code": 'display(html("<b>bold</b>"));', "mime": "text/html"},
        {"code": 'display(markdown("*it*"));', "mime": "text/markdown"},
        {"code": 'display(new java.awt.image.BufferedImage(2, 2, 1));', "mime": "image/png"},
    ]
    code_inspect_sample = "Math.max"
    code_clear_output = "clearOutput();"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # While the JVM starts, the client queues a kernel_info request a second; the kernel answers them all
        # at once when it is up. Let their status messages pass before the first test reads iopub.
        time.sleep(2)


if __name__ == "__main__":
    unittest.main()
