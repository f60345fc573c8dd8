// A stand-in abi3 extension module for tst_abi3calls: a real shared object from the real toolchain
// whose undefined symbols are two functions of the stable ABI and two outside it. Never loaded.
extern "C" {
struct FixtureObject;
FixtureObject *PyLong_FromLong(long);
FixtureObject *PyUnicode_FromString(const char *);
FixtureObject *_PyLong_Copy(FixtureObject *);
int PyUnstable_Code_GetExtra(FixtureObject *, long, void **);

__attribute__((visibility("default"))) FixtureObject *PyInit_fixture()
{
    FixtureObject *o = PyLong_FromLong(1);
    void *extra = nullptr;
    PyUnstable_Code_GetExtra(o, 0, &extra);
    return extra ? _PyLong_Copy(o) : PyUnicode_FromString("x");
}
}
