#define BOOST_TEST_MODULE lossplay
#include <boost/test/unit_test.hpp>
