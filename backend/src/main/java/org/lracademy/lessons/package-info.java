/** The course: four lessons, their text, and the experiments each one offers. Knows nothing of DJL. */
package org.lracademy.lessons;
